# The Debian packages `./calibra test` needs besides the JDK and Node: Chromium and its driver for the browser
# journeys (never a downloaded browser), HAProxy for the failover journey, and the independent DICOM references the
# codec, generator and DICOMweb tests check against — dicom3tools (dciodvfy), dcmtk (dcmdump), python3-pydicom (its
# real test files), Orthanc with its DICOMweb plugin (the external archive the tests start on 127.0.0.1). Sourced by
# ./calibra and .ci/run.
#
# Without them those tests would be skipped on a developer's machine (and fail under CI=true). So `./calibra test`
# installs them when it can (root with apt-get, as .ci/run does) and otherwise stops before Maven starts, naming the
# packages and the command that installs them. `-DskipE2E=true` skips the journeys, which then need no Chromium;
# `-DskipTests` needs none of them.

# Prints the missing packages (space-separated; nothing when all are there). $1: "browser" to include Chromium;
# $2, $3: the Chromium and chromedriver the journeys use (-Dcalibra.e2e.chromium / -Dcalibra.e2e.chromedriver).
calibra_missing_test_packages() {
  local missing=()
  if [ "${1:-}" = browser ]; then
    [ -x "${2:-/usr/bin/chromium}" ] || missing+=(chromium)
    [ -x "${3:-/usr/bin/chromedriver}" ] || missing+=(chromium-driver)
    # the failover journey (FailoverE2E) puts HAProxy in front of two app nodes, as ./calibra cluster does
    [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  fi
  # the same paths the tests look at (Tools, ReferenceFiles, DcmDump, support/Orthanc)
  [ -x /usr/bin/dciodvfy ] || missing+=(dicom3tools)
  [ -x /usr/bin/dcmdump ] || missing+=(dcmtk)
  [ -d /usr/lib/python3/dist-packages/pydicom/data/test_files ] || missing+=(python3-pydicom)
  [ -d /usr/lib/python3/dist-packages/numpy ] || missing+=(python3-numpy) # pydicom decodes SEG masks with it (ReferenceToolsTest)
  [ -x /usr/sbin/Orthanc ] || missing+=(orthanc)
  [ -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || missing+=(orthanc-dicomweb)
  echo "${missing[*]}"
}

# Installs Debian packages as root. Debian's orthanc package would start an Orthanc service: a policy-rc.d that
# refuses service starts is in place during the install (and removed again if this put it there).
calibra_install_test_packages() {
  local own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=yes
  fi
  local rc=0
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || rc=$?
  [ -z "$own_policy" ] || rm -f /usr/sbin/policy-rc.d
  return $rc
}

# For ./calibra test with its Maven arguments: returns 0 when everything the requested tests need is installed
# (installing it first when running as root with apt-get), else prints one message and returns 1.
calibra_require_test_packages() {
  local browser=browser chromium="" chromedriver="" arg
  for arg in "$@"; do
    case "$arg" in
      -DskipTests|-DskipTests=true|-Dmaven.test.skip|-Dmaven.test.skip=true) return 0 ;;
      -DskipE2E|-DskipE2E=true) browser="" ;;
      -Dcalibra.e2e.chromium=*) chromium=${arg#*=} ;;
      -Dcalibra.e2e.chromedriver=*) chromedriver=${arg#*=} ;;
    esac
  done
  local missing; missing=$(calibra_missing_test_packages "$browser" "$chromium" "$chromedriver")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "calibra: installing the Debian packages the tests need: $missing" >&2
    # shellcheck disable=SC2086 # one word per package
    calibra_install_test_packages $missing || echo "calibra: apt-get could not install them" >&2
    missing=$(calibra_missing_test_packages "$browser" "$chromium" "$chromedriver")
    [ -z "$missing" ] && return 0
  fi
  cat >&2 <<MSG
calibra: ./calibra test needs Debian packages that are not installed: $missing
calibra: (the tests that use them would be skipped otherwise). Install them with
calibra:
calibra:     sudo apt-get update && sudo apt-get install -y $missing
calibra:
calibra: and run ./calibra test again. -DskipE2E=true skips the browser journeys, which then need no Chromium.
MSG
  return 1
}
