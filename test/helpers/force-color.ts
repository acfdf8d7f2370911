// Import FIRST in a test file that asserts colours or inverse video: chalk (inside Ink) decides
// its colour level when it is first imported, and test stdout is not a terminal.
process.env.FORCE_COLOR = '3';
