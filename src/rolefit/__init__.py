"""RoleFit: does operations, business or general management fit you?"""

__version__ = "0.1.0"
