"""The PDFs: page profiles, rendering jobs, the print shop's file, the render cache."""
