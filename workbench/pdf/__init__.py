"""PDF profiles: the document a client receives, built from domain data and rendered to bytes."""
