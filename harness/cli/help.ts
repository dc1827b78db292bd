/** `podconform COMMAND --help`: what each command does, its options, and the exit codes they share. */

const exitCodesText = `Exit codes:
  0  every case (or property) passed
  1  a case or property failed: the implementation broke a rule
  2  bad input: a malformed case file or option, a missing file, a --focus/--skip/--rules that matches no rule,
     an unwritable --report or --out, an unreadable or too new results.json
  3  nothing could be judged: the backend could not run, or every case was unknown or had no expectations
  4  podconform itself failed (the model, the differ or a built-in backend threw, or a report could not be
     rendered — results.json is still written): a bug, please report it`;

const reportText = `  --report DIR    write results.json, junit.xml and report.html into a fresh DIR/<UTC time>-<command>[-seed-S]/
                  (never over an earlier run); DIR/latest names the newest; the paths are printed on stderr
  --rerun-failed R  run again the entries of an earlier results.json R that failed or erred (with
                  --include-unknown: the unknown ones too), from the scenarios it stored, on the backend given now
  --focus GLOB    only cases exercising a matching rule run, only violations of matching rules count
                  (comma-separated rule ids or globs, e.g. 'init.*,term.kill-after-grace'; must match a rule)
  --skip GLOB     the reverse: cases exercising a matching rule do not run, violations of it do not count`;

/** The help text per command. */
export const commandHelp: Readonly<Record<string, string>> = {
  check: `Usage: podconform check [FILES|DIRS...] [--backend model|sim|podman|kube|kind|exec:'CMD'] [--parallel N]
                        [--context CTX] [--cluster NAME] [--tolerance SECONDS] [--focus GLOB] [--skip GLOB]
                        [--report DIR] [--rerun-failed results.json [--include-unknown]] [--json] [--verbose]

Judges each case file's expect block against the model's nominal observation, or with --backend against what an
implementation did. Directories are searched for *.case.yaml; no argument: the built-in case library. A case
without an expect block is reported as "no expectations", never as a pass.

  --backend B     model (default), sim, podman, kube (any cluster), kind, or exec:'COMMAND' (README)
  --parallel N    cases run at once on a real backend (default: the backend's own); results stay in file order
  --context CTX   kube: the kubeconfig context (without it only a kind cluster's current context is used)
  --cluster NAME  kind: the cluster to create or reuse (default podconform)
  --tolerance S   judge timing bounds and orders that much more loosely
  --json          one JSON object: {backend, cases:[{id, file, status, failures}], summary}
  --verbose       every failed expectation, not just the first
${reportText}

A case's expect entries name no rule, so for check --focus and --skip choose cases only. On a terminal a progress
bar (count, rate, failures, unknowns, time left) is drawn on stderr; never with --json or into a pipe.

${exitCodesText}
`,
  predict: `Usage: podconform predict FILE|- [--json] [--html FILE] [--observe-for 120s] [--delete-at 30s]
                          [--grace 10] [--exits C=V] [--on-term C=V] [--hook C.HOOK=V] [--probe C.PROBE=V]

What a conformant kubelet (1.35) does with each pod of FILE (- reads standard input): the assumptions made for
what a manifest does not say, the STATUS and READY columns over time, the outcome, the timeline, the Events.

FILE is a case file, or Kubernetes manifests: a Pod, or the pod template of a Deployment, ReplicaSet,
StatefulSet, DaemonSet, ReplicationController, Job or CronJob, one or many in a --- separated stream (kubectl
files, rendered Helm output) or in a List (kubectl get -o yaml). Other kinds (Service, ConfigMap, custom
resources) are skipped with a note on stderr. A workload's pod is checked as the API server checks its template (a Deployment's restartPolicy is
Always, a Job's OnFailure or Never) and named as its controller would name it where that is knowable
(StatefulSet web: web-0), else <workload>-pod.

  --observe-for D  how long to watch each pod (default 120s, at most 24h)
  --delete-at D    delete the pod at this time, before the end of --observe-for
  --grace N        the delete's grace period, whole seconds (with --delete-at; default: the pod's
                   terminationGracePeriodSeconds)
  --json           the prediction as one JSON document per pod (README); several pods: an array of them
  --html FILE      also write a self-contained page drawing each pod's timeline as report.html does; the
                   text (or, with --json, the JSON) still goes to standard output
  --exits C=V, --on-term C=V, --hook C.postStart=V, --probe C.readiness=V
                   change an assumption about what a manifest does not say (listed first in the output, each
                   with its flag); the same as podconform.dev/... annotations, see README "predict"

The three options describe what a manifest cannot say; a case file says it itself, so they are refused with one.
A prediction that takes more than a second shows its progress on stderr when that is a terminal.

${exitCodesText}
`,
  rules: `Usage: podconform rules [--json] [--area AREA] [--origin ORIGIN] [--standing STANDING]

The catalogue of lifecycle rules the model implements, with their sources and standing.

${exitCodesText}
`,
  run: `Usage: podconform run [--backend sim|podman|kube|kind|exec:'CMD'] [--runs N] [--seed S] [--path P]
                      [--rules GLOB] [--deviation NAME] [--scenarios FAMILY] [--workers N] [--sim-mode MODE]
                      [--parallel N] [--context CTX] [--cluster NAME] [--shrink-seconds N] [--tolerance SECONDS]
                      [--focus GLOB] [--skip GLOB] [--report DIR] [--rerun-failed results.json [--include-unknown]]
                      [--json] [--out DIR]

Runs the built-in case library on the backend, then the property loop: generate a pod and its faults, predict,
run, diff; a failure is shrunk to a minimal case file, printed after its one-line replay command.

  --backend B       sim (default), podman, kube (any cluster), kind, or exec:'COMMAND'
  --runs N          generated scenarios (default 300 on sim, 100 elsewhere)
  --seed S          reproducible run; --path P replays one counterexample (with its --seed)
  --rules GLOB      the older name of --focus (same meaning; give one of them)
  --deviation NAME  make the simulator misbehave (podconform deviations): the suite must catch it
  --scenarios FAM   one family of generated scenarios
  --workers N       judge on N threads (sim only; default: the machine's cores). The same seed gives the same
                    verdict and counterexample at any N
  --sim-mode MODE    realistic (default): the simulator looks like a real node of its own — drawn namespace, pod
                    UID and node name, real pull durations and image sizes, runtime error texts and probe output,
                    milliseconds on every runtime call, random relist and ticker phases, all drawn from the seed;
                    jitter: node-like latencies only; nominal: every latency at its nominal value
  --no-jitter       the same as --sim-mode nominal
  --parallel N      real backends: scenarios run at once (default: the backend's own); the same seed finds the
                    same first failure at any N. Prints wall time against the modeled time per slot
  --context CTX     kube: the kubeconfig context (without it only a kind cluster's current context is used)
  --cluster NAME    kind: the cluster to create or reuse (default podconform)
  --shrink-seconds N  real backends: how long shrinking a failure may take (default 300; each step is a real pod)
  --tolerance SEC   judge windows and orders that much more loosely (real nodes; at least the clock resolution)
  --json            one JSON object: {backend, seed, runs, status, scenariosPerSecond, counterexample?, error?}
  --out DIR         write a versioned run record to DIR (run-<seed>.json, overwritten by a rerun; --report keeps each)
${reportText}

With --report every library case and every generated scenario judged is recorded, each scenario with its own replay
line (--seed S --path INDEX --runs 1), then the shrunk counterexample. On a terminal a progress bar (count, rate,
failures, unknowns, time left) is drawn on stderr; never with --json or into a pipe.

${exitCodesText}
`,
  manifest: `Usage: podconform manifest CASE [--backend kube|podman]

The Pod that a real backend runs for a case, as YAML ready for \`kubectl apply -f -\` (kube, the default) or
\`podman kube play\` (podman). Each container's command is a busybox sh script that acts out the case's behaviour
block and appends markers (CONTAINER EVENT EPOCH) to /podconform/markers, a hostPath volume at
/tmp/podconform/<case id> on the node; the pod keeps the case's name.

  --backend B   kube (default) or podman: the flavour of the manifest

Here 0 means the Pod was printed and 3 that the case cannot be acted out on that backend (the reason is printed).

${exitCodesText}
`,
  deviations: `Usage: podconform deviations [--json]

The named non-conformances the sim backend can be told to have (run --deviation NAME), each with its rule.

${exitCodesText}
`,
  report: `Usage: podconform report results.json --out DIR

Renders a report directory again from a results.json written by --report: a copy of it, junit.xml and report.html.
Runs nothing. A file that is not a results.json this podconform reads (or a newer schemaVersion) is one line, exit 2.

${exitCodesText}
`,
  bench: `Usage: podconform bench [--seconds N] [--seed S] [--workers N] [--compare] [--identity N]
                        [--deviations [--differential]] [--json]

Generated scenarios per second through the whole loop on sim (generate, simulate, predict and diff): in one
thread, then on N worker threads (default: the machine's cores; --workers 1 for one thread only). It reports
figures and the goals beside them; it never fails on speed.

  --compare      the judging variants (full prediction, nominal first) side by side in one thread
  --identity N   judge N conformant scenarios and N per deviation both ways and count differing verdicts (exit 1
                 if any differ)
  --deviations   how long each deviation takes to be caught, shrunk and reported
  --differential with --deviations: a catch counts only as a violation of a rule the deviation breaks (by rule,
                 type and point), on a scenario the conformant simulator passes

${exitCodesText}
`,
};
