"""Views lay out widgets and expose signals; controllers decide what happens."""
