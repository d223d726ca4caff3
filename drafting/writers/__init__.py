"""The writers side by side: Akoma Ntoso, the HTML edition and web site, the newspaper PDFs, the redline; and the build that runs them."""
