"""The one error type a user sees: a message, printed on one line, exit code 2."""

from reader.inert import clean


class ReaderError(Exception):
    """A problem with the user's input, reported without a traceback.

    The message is made inert and one line here (:func:`reader.inert.clean`):
    whatever it quotes (a server's reason phrase, a setting's value) cannot act
    on a terminal, in the CLI or the TUI. File names in it are escaped by the
    code that names them (:func:`reader.inert.shown_name`), so they stay legible.
    """

    exit_code = 2

    def __init__(self, message: str) -> None:
        message = " ".join(clean(message).split())
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def os_reason(error: OSError) -> str:
    """An OSError in a few words for a message: 'permission denied', 'file name too long'..."""
    if isinstance(error, PermissionError):
        return "permission denied"
    reason = clean(error.strerror or str(error) or type(error).__name__)
    return reason[:1].lower() + reason[1:]
