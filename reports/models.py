"""reports holds no models: its figures are queries over the other apps."""
