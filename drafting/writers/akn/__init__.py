"""The Akoma Ntoso writer: the model as one act per language (the format's shared parts are in drafting.akn)."""
