"""Controllers: one per flow; they connect views to the quiz, the store and the dialogs."""
