"""The one error type a user sees: a message, printed on one line, exit code 2."""


class ReaderError(Exception):
    """A problem with the user's input, reported without a traceback."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def os_reason(error: OSError) -> str:
    """An OSError in a few words for a message: 'permission denied', 'file name too long'..."""
    if isinstance(error, PermissionError):
        return "permission denied"
    reason = error.strerror or str(error) or type(error).__name__
    return reason[:1].lower() + reason[1:]
