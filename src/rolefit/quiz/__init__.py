"""The questionnaire as a model (no Qt): navigation, answers, pace, resume, submit.

- ``rolefit.quiz.model``: ``Quiz`` (one person taking one form), ``ResumeError``.
- ``rolefit.quiz.recorder``: saving as it goes, and carrying on when saving fails.
- ``rolefit.quiz.pace``: how long a form takes, and the time left.

(Import from the modules: the welcome page needs the pace before anything is scored.)
"""
