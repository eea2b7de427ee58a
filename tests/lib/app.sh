# Shell functions the scripts share to run the API beside their checks (source it; it defines functions only):
#
#   port=$(talks_free_port)                             a local port nothing answers on
#   talks_start LOG COMMAND...                          starts a server in the background; its pid in TALKS_PID
#   talks_wait_ready URL PID TIMEOUT [LOG]              until URL answers 200 (give /health/ready for the API)
#   talks_start_ephemeral LOG TIMEOUT COMMAND...        starts `... --ephemeral` and reads what it announces:
#                                                       TALKS_PID, TALKS_URL, TALKS_KEY (an admin key), then waits ready
#   talks_stop PID...                                   stops servers and waits for them
#
# Each returns non-zero with a line on stderr saying what went wrong, and the caller decides: `|| die "..."`.
# Bash's /dev/tcp finds a free port without extra tools; a port taken between the probe and the server's bind makes
# the server exit, which talks_wait_ready reports. Ports are drawn below the kernel's ephemeral range, which outgoing
# connections (the tests' own clients, the API's) take their local ports from: a probe cannot see those, and a port
# held by one refuses a bind (seen once in CI as Prism's EADDRINUSE).

talks_free_port() {
  local port first=32768
  [[ -r /proc/sys/net/ipv4/ip_local_port_range ]] && read -r first _ </proc/sys/net/ipv4/ip_local_port_range
  ((first > 11000)) || first=32768
  for _ in $(seq 50); do
    port=$((10000 + RANDOM % (first - 10000)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "found no free local port" >&2
  return 1
}

talks_start() {
  local log=$1
  shift
  "$@" >>"$log" 2>&1 &
  TALKS_PID=$!
}

# On failure prints the last lines of LOG (when given) so the reason is in the caller's output.
talks_wait_ready() {
  local url=$1 pid=$2 timeout=$3 log=${4:-}
  local deadline=$((SECONDS + timeout))
  until curl -fs -o /dev/null --max-time 5 "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      [[ -z $log ]] || tail -n 30 "$log" >&2
      echo "the server (pid $pid) exited before $url answered" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      [[ -z $log ]] || tail -n 30 "$log" >&2
      echo "$url did not answer 200 within $timeout s" >&2
      return 1
    fi
    sleep 0.2
  done
}

# The command must run the API with --ephemeral (a throwaway database, migrated and seeded) and --urls; the API then
# prints "Talks (ephemeral) listening on URL" and "Admin key: KEY".
talks_start_ephemeral() {
  local log=$1 timeout=$2
  shift 2
  : >"$log"
  talks_start "$log" "$@"
  TALKS_URL="" TALKS_KEY=""
  local deadline=$((SECONDS + timeout))
  until [[ -n $TALKS_URL && -n $TALKS_KEY ]]; do
    TALKS_URL=$(sed -n 's/^Talks (ephemeral) listening on \(http:[^ ]*\).*/\1/p' "$log" | head -n 1)
    TALKS_KEY=$(sed -n 's/^Admin key: \(.*\)$/\1/p' "$log" | head -n 1)
    if ! kill -0 "$TALKS_PID" 2>/dev/null; then
      tail -n 30 "$log" >&2
      echo "the API exited before it announced its URL and key" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$log" >&2
      echo "the API did not announce its URL and key within $timeout s" >&2
      return 1
    fi
    sleep 0.2
  done
  talks_wait_ready "$TALKS_URL/health/ready" "$TALKS_PID" "$((deadline - SECONDS > 0 ? deadline - SECONDS : 1))" "$log"
}

talks_stop() {
  local pid
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}
