"""The Python peers of chat-event-lab, timed on exactly the inputs of corpus.json.

Usage: target/pyenv/bin/python crates/bench/peers.py CORPUS_JSON OUT_JSON [--quick]

Rows (ids and the results format are defined in crates/bench/README.md):
  validate.one-sms, validate.corpus (impl botocore)
      botocore's ParamValidator().validate(params, input_shape), input_shape being the
      SendChatIntegrationEvent input shape of the connect model bundled with botocore. botocore
      takes Python dicts, so each request's JSON text is parsed once before timing.
      These rows run in a child process that never imports awscli: awscli 1.46 ships its own
      copy of botocore (awscli/botocore) and, once awscli is imported, `import botocore` loads
      that copy (awscli.TopLevelImportAliasFinder). The child measures the botocore package
      itself, as crates/core/tests/conformance/botocore_validate.py uses it; the awscli rows run
      with the copy awscli ships, as the aws command does. Both versions are written.
  shorthand.event, shorthand.new-session-details (impl awscli)
      awscli.shorthand.ShorthandParser().parse(text) on each value; a value that raises is caught
      and counts as done (its error is the result).
  command.parse (impl awscli)
      awscli's own CLIDriver.main(argv) per command, stopped at the last step before anything
      is sent: ServiceOperation.__call__ emits calling-command.<service>.<operation> with the
      finished call parameters (argparse of the top-level, service and operation arguments,
      then shorthand/JSON unpacking of every parameter) and, when a handler returns a value,
      returns it as the exit code instead of calling CLIOperationCaller.invoke, which is what
      creates the botocore client and sends. Our handler, registered last on the
      "calling-command" prefix, runs after awscli's own calling-command.* handlers (the session
      calls every handler, then takes the first non-None response), records the parameters and
      returns 0. This is awscli's own override mechanism (its --generate-cli-skeleton handler
      uses it), so neither client creation nor an exception path is timed for valid commands.
      Invalid commands end as awscli ends them (an error message and exit code 255, or
      argparse's exit 2), which counts as done.
      One driver serves every command; what awscli adds to it on each run (see RunScope) is
      removed after the run, so every run starts from the same driver state.

Why it is fair: each row runs the peer's public entry point on exactly the inputs the Rust rows
of the same id get, and one-time set-up (loading the connect model, creating the driver, building
its command and argument tables) happens before timing, as the Rust rows build their state outside
the measured loop. botocore validates Python objects, not text, so its rows start from parsed
dicts: compare them with the rows that also start from a parsed tree. Timing follows timeit: one
warm-up pass, then `reps` passes over the whole input list with the garbage collector disabled,
each timed with time.perf_counter_ns; value = median pass / number of inputs, in ns.

Set-up needs no network and no credentials: fake credentials, a region and empty config files are
set below before awscli is imported, and socket connects/lookups are replaced by a guard that counts
and refuses them (the count is reported in the command row's note).
"""

import contextlib
import gc
import json
import logging
import multiprocessing
import os
import platform
import socket
import statistics
import sys
import time

# awscli reads these when the driver is created and when a command runs; set before importing it
# (awscli and botocore are imported inside the functions that use them: see validation_rows).
for _name, _value in {
    "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "fake-secret",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "AWS_EC2_METADATA_DISABLED": "true",
}.items():
    os.environ.setdefault(_name, _value)

REPS, QUICK_REPS = 7, 3
# Wall-clock budget for the command row (warm-up + reps passes); the other rows are far cheaper.
COMMAND_BUDGET_S, QUICK_COMMAND_BUDGET_S = 90.0, 15.0
MIN_COMMANDS = 200
# validate.one-sms repeats its single request until a pass lasts this long (timeit.autorange).
ONE_REQUEST_PASS_S = 0.2

OPERATION = ("connect", "send-chat-integration-event")
STOP_EVENT = "calling-command.%s.%s" % OPERATION


# ---------------------------------------------------------------------------------------------
# Timing


@contextlib.contextmanager
def gc_off():
    """The garbage collector off for one pass, as timeit does, so no collection lands in it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def time_pass(run, inputs):
    """Nanoseconds for one call of run(inputs)."""
    with gc_off():
        start = time.perf_counter_ns()
        run(inputs)
        return time.perf_counter_ns() - start


def measure(run, inputs, reps):
    """One warm-up pass, then `reps` timed passes; the median pass per input, in ns."""
    time_pass(run, inputs)
    passes = [time_pass(run, inputs) for _ in range(reps)]
    return statistics.median(passes) / len(inputs)


def row(id_, impl, value, per, reps, note):
    return {"id": id_, "impl": impl, "value": float(value), "unit": "ns", "per": per,
            "reps": reps, "note": note}


GC_NOTE = "GC disabled during each pass as timeit does"


# ---------------------------------------------------------------------------------------------
# botocore ParamValidator


def validate_all(validator, shape):
    def run(requests):
        for params in requests:
            validator.validate(params, shape)
    return run


def autorange(run, item):
    """How many copies of `item` make a pass of at least ONE_REQUEST_PASS_S (timeit's steps)."""
    for power in range(10):
        for step in (1, 2, 5):
            count = step * 10 ** power
            if time_pass(run, [item] * count) >= ONE_REQUEST_PASS_S * 1e9:
                return count
    return count


def validation_rows(corpus_path, reps):
    """The botocore rows and botocore's version; run in a process that never imports awscli."""
    import botocore.session
    from botocore.validate import ParamValidator

    assert "awscli" not in sys.modules, "awscli would replace botocore with its own copy"
    model = botocore.session.get_session().get_service_model("connect")
    shape = model.operation_model("SendChatIntegrationEvent").input_shape
    run = validate_all(ParamValidator(), shape)
    corpus = load(corpus_path)
    # botocore validates Python objects, not text: parse once, outside the timing.
    one = json.loads(corpus["one_valid_sms"])
    requests = [json.loads(text) for text in corpus["validation"]]
    count = autorange(run, one)
    parsed = "JSON texts parsed by json.loads before timing (botocore takes Python dicts)"
    rows = [
        row("validate.one-sms", "botocore", measure(run, [one] * count, reps), "request", reps,
            f"ParamValidator().validate(params, input_shape) on the one SMS request, {count} "
            f"times per pass; {parsed}; {GC_NOTE}."),
        row("validate.corpus", "botocore", measure(run, requests, reps), "request", reps,
            f"ParamValidator().validate(params, input_shape) on each of the {len(requests)} "
            f"requests; {parsed}; {GC_NOTE}."),
        # How many of them botocore reports an error for (counted outside the timing).
        {"id": "validate.corpus", "impl": "botocore-flagged", "unit": "requests", "per": "corpus", "reps": 1,
         "value": float(sum(1 for params in requests if ParamValidator().validate(params, shape).has_errors()))},
    ]
    return rows, botocore.__version__


def validation_rows_in_child(corpus_path, reps):
    # "spawn" starts a fresh interpreter (fork would inherit this process's modules); it runs
    # alone, before anything else is measured, so the two processes never compete for a core.
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(validation_rows, (corpus_path, reps))


# ---------------------------------------------------------------------------------------------
# awscli ShorthandParser


def parse_all(parser):
    def run(values):
        for text in values:
            try:
                parser.parse(text)
            except Exception:
                # An invalid value is done when the parser reports it, as in the Rust row.
                pass
    return run


def count_errors(parser, values):
    errors = 0
    for text in values:
        try:
            parser.parse(text)
        except Exception:
            errors += 1
    return errors


def shorthand_rows(corpus, reps):
    from awscli.shorthand import ShorthandParser

    # parse() resets all of the parser's state (input, index, paramfile flag) on every call, so
    # one parser serves every value.
    parser = ShorthandParser()
    run = parse_all(parser)
    rows = []
    for key, id_ in (("event", "shorthand.event"),
                     ("new_session_details", "shorthand.new-session-details")):
        values = corpus["shorthand"][key]
        errors = count_errors(parser, values)
        rows.append(row(id_, "awscli", measure(run, values, reps), "value", reps,
                        f"ShorthandParser().parse(text) on each of the {len(values)} values with "
                        f"one parser made before timing (parse() resets its state); {errors} "
                        f"raised and were caught, counted as done; {GC_NOTE}."))
    return rows


# ---------------------------------------------------------------------------------------------
# awscli CLIDriver


class NetworkGuard:
    """Replaces socket connects and name lookups with a refusal that is counted."""

    def __init__(self):
        self.attempts = 0

    def refuse(self, *args, **kwargs):
        self.attempts += 1
        raise OSError("peers.py: network disabled")

    def install(self):
        socket.socket.connect = self.refuse
        socket.socket.connect_ex = self.refuse
        socket.create_connection = self.refuse
        socket.getaddrinfo = self.refuse


class StopBeforeSend:
    """The handler on calling-command: records the call parameters and ends the command there."""

    def __init__(self):
        self.reached = 0
        self.params = None

    def __call__(self, event_name, call_parameters, **kwargs):
        if event_name != STOP_EVENT:
            return None
        self.reached += 1
        self.params = call_parameters
        # A non-None, non-exception response is returned by ServiceOperation.__call__ as the exit
        # code instead of calling CLIOperationCaller.invoke (which creates the client and sends).
        return 0


def refuse_invoke(*args, **kwargs):
    raise AssertionError("peers.py: CLIOperationCaller.invoke reached: the stop point was missed")


def make_driver():
    """A CLI driver with its tables built and the stop handler registered."""
    import awscli.clidriver

    driver = awscli.clidriver.create_clidriver()
    stop = StopBeforeSend()
    # Registered on the "calling-command" prefix and last, so it runs after every awscli
    # handler of calling-command.* (--cli-input-json merging, --generate-cli-skeleton): it sees
    # the final parameters, exactly what invoke() would receive.
    emitter = driver.session.get_component("event_emitter")
    emitter.register_last("calling-command", stop, unique_id="peers-stop-before-send")
    # Belt and braces: if a command got past the stop point, fail loudly rather than send.
    awscli.clidriver.CLIOperationCaller.invoke = refuse_invoke
    # Build what main() caches on the driver (the service command table, connect's operation
    # table, the operation's argument table with the handlers its arguments register) before
    # RunScope starts, so that everything registered during a main() afterwards is per-run.
    service = driver._get_command_table()[OPERATION[0]]
    operation = service._get_command_table()[OPERATION[1]]
    operation.arg_table
    return driver, operation, stop


class RunScope:
    """Undoes, after each main(), what a run changes in the driver that later runs would see.

    A CLI process runs main() once; one driver reused for many commands would otherwise carry
    each run's changes into the next ones:
    - every main() registers a new URIArgumentHandler on load-cli-arg (awscli.handlers registers
      paramfile.register_uri_param_handler on session-initialized), which every later argument
      unpacking would also call; each --cli-input-json registers a get-cli-input-json-data
      handler;
    - --cli-input-json and --generate-cli-skeleton set `required = False` on every argument of
      the operation's (cached) argument table, so later commands missing a required argument
      would pass;
    - --region, --profile set session config variables; --no-sign-request and the timeouts
      change the session's default client config;
    - every main() adds a StreamHandler to the "awscli" logger and sets its level (--debug does
      so for botocore, s3transfer and urllib3 too).
    undo() restores all of these to their state before the first run, so every run starts from
    the same driver. It is not timed.
    """

    LOGGERS = ("awscli", "botocore", "s3transfer", "urllib3")

    def __init__(self, driver, operation):
        session = driver.session
        emitter = session.get_component("event_emitter")
        self._emitter = getattr(emitter, "_emitter", emitter)  # the HierarchicalEmitter
        self._added = []
        register = self._emitter._register_section

        def recording(event_name, handler, unique_id, unique_id_uses_count, section):
            if unique_id is None:  # a unique id registers once; anything else adds a handler
                self._added.append((event_name, handler))
            return register(event_name, handler, unique_id, unique_id_uses_count, section)

        # Every register/register_first/register_last of the emitter goes through this.
        self._emitter._register_section = recording
        self._session = session
        self._instance_vars = dict(session._session_instance_vars)
        self._client_config = session.get_default_client_config()
        self._arguments = [(arg, dict(vars(arg))) for arg in operation.arg_table.values()]
        self._loggers = [(log, log.level, list(log.handlers))
                         for log in map(logging.getLogger, self.LOGGERS)]

    def undo(self):
        for event_name, handler in self._added:
            self._emitter.unregister(event_name, handler)
        self._added.clear()
        for arg, saved in self._arguments:
            vars(arg).update(saved)
        variables = self._session._session_instance_vars
        if variables != self._instance_vars:
            variables.clear()
            variables.update(self._instance_vars)
        if self._session.get_default_client_config() is not self._client_config:
            self._session.set_default_client_config(self._client_config)
        for log, level, handlers in self._loggers:
            log.handlers[:] = handlers
            if log.level != level:
                log.setLevel(level)

    def state(self):
        """What undo() restores, to check that the driver is the same after the passes."""
        stack, handlers = [self._emitter._handlers._root], 0
        while stack:
            node = stack.pop()
            values = node["values"]
            if values:
                handlers += len(values.first) + len(values.middle) + len(values.last)
            stack.extend(node["children"].values())
        return (handlers,
                [arg.required for arg, _ in self._arguments],
                dict(self._session._session_instance_vars),
                self._session.get_default_client_config(),
                [(log.level, list(log.handlers)) for log, _, _ in self._loggers])


def command_pass(driver, scope, argvs):
    """Nanoseconds of the main() calls of one pass over argvs; RunScope.undo() is not timed."""
    main, undo, clock = driver.main, scope.undo, time.perf_counter_ns
    total = 0
    with gc_off():
        for argv in argvs:
            start = clock()
            try:
                main(argv)
            except SystemExit:
                pass  # argparse rejected the command line (exit code 2): done
            total += clock() - start
            undo()
    return total


def outcomes(driver, stop, scope, argvs):
    """Runs each command once (the warm-up pass); counts how each ended."""
    reached = errored = other = 0
    for argv in argvs:
        before = stop.reached
        try:
            code = driver.main(argv)
        except SystemExit as exit_:
            code = exit_.code
        scope.undo()
        if stop.reached > before:
            reached += 1
        elif code not in (0, None):
            errored += 1  # exit code 255 (awscli reported an error) or 2 (argparse)
        else:
            other += 1
    return reached, errored, other


def command_row(corpus, reps, budget_s, guard):
    import botocore  # awscli's own copy, awscli being imported

    argvs = [command["argv"] for command in corpus["commands"]]
    driver, operation, stop = make_driver()
    scope = RunScope(driver, operation)
    state_before = scope.state()
    with open(os.devnull, "w") as sink, \
            contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        # Estimate the cost per command on up to MIN_COMMANDS commands, to fit the budget.
        probe = argvs[:MIN_COMMANDS]
        per_command = command_pass(driver, scope, probe) / len(probe) / 1e9
        fits = int(budget_s / ((reps + 1) * per_command))
        timed = argvs[:max(MIN_COMMANDS, min(len(argvs), fits))]
        reached, errored, other = outcomes(driver, stop, scope, timed)  # the warm-up pass
        passes = [command_pass(driver, scope, timed) for _ in range(reps)]
    unchanged = "unchanged" if scope.state() == state_before else "CHANGED"
    note = (
        f"awscli's CLIDriver.main(argv), each call timed alone, on the first {len(timed)} of "
        f"{len(argvs)} commands with one driver built before timing: argparse of the global, "
        f"service and operation arguments and shorthand/JSON unpacking of every parameter, up to "
        f"the calling-command event, where a handler registered last returns an exit code so "
        f"no client is created and nothing is sent ({reached} reached it, {errored} errored in "
        f"awscli or argparse, {other} other; {guard.attempts} network attempts; what a run "
        f"changes in the driver undone after it, untimed, driver state {unchanged} over "
        f"{reps + 2} passes; awscli's own botocore {botocore.__version__}; output to /dev/null; "
        f"{GC_NOTE})."
    )
    value = statistics.median(passes) / len(timed)
    return row("command.parse", "awscli", value, "command", reps, note)


# ---------------------------------------------------------------------------------------------


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def versions(botocore_version):
    import awscli
    import botocore  # awscli's own copy, awscli being imported

    return {"Python": platform.python_version(), "botocore": botocore_version,
            "awscli": awscli.__version__, "botocore in awscli": botocore.__version__}


def summary(versions_, results):
    lines = ["python peers (%s):" % ", ".join(f"{k} {v}" for k, v in versions_.items())]
    for r in results:
        lines.append(f"  {r['id']:<32} {r['impl']:<9} {r['value']:>12,.0f} ns/{r['per']}")
    return "\n".join(lines)


def main(argv):
    args = [a for a in argv if a != "--quick"]
    if len(args) != 2:
        sys.exit("usage: peers.py CORPUS_JSON OUT_JSON [--quick]")
    corpus_path, out_path = args
    quick = "--quick" in argv
    reps = QUICK_REPS if quick else REPS
    results, botocore_version = validation_rows_in_child(corpus_path, reps)
    guard = NetworkGuard()
    guard.install()
    corpus = load(corpus_path)
    results += shorthand_rows(corpus, reps)
    budget_s = QUICK_COMMAND_BUDGET_S if quick else COMMAND_BUDGET_S
    results.append(command_row(corpus, reps, budget_s, guard))
    versions_ = versions(botocore_version)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"runner": "python", "versions": versions_, "results": results}, f, indent=2)
        f.write("\n")
    print(summary(versions_, results), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
