"""One run of awscli's own command-line driver, stopped before anything is sent: the handler on
botocore's before-parameter-build event records the parameters and raises, so no credentials or
network are used (the test harness, crates/core/tests/cli_common, sets fake credentials and a
region). Shared by awscli_clidriver_params.py and awscli_command_outcomes.py.
"""
import contextlib
import io
import json

from awscli.clidriver import create_clidriver

EVENT = "before-parameter-build.connect.SendChatIntegrationEvent"


class _Captured(Exception):
    pass


class Driver:
    """A CLI driver whose runs end where the request would be built."""

    def __init__(self):
        self._driver = create_clidriver()
        self._params = None
        # The exit code of the last run.
        self.rc = None
        self._driver.session.register(EVENT, self._capture)

    def _capture(self, params, **kwargs):
        self._params = json.loads(json.dumps(params))
        raise _Captured()

    def run(self, args):
        """Runs `args` (without the leading "aws"); returns (params or None, stdout, stderr)."""
        self._params = None
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            try:
                self.rc = self._driver.main(args)
            except SystemExit as e:
                self.rc = e.code
        return self._params, out.getvalue(), err.getvalue()
