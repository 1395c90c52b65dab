# Sourced by the bench scripts from the repository root: checks that the bench is built and sets $jar.
# shellcheck shell=bash
jar=bench/target/kontor-bench-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ ! -d bench/target/lib ]; then
  echo "no $jar: run 'mvn -q -DskipTests package' first" >&2
  exit 1
fi
# A library left from an earlier build of another version would be on the class path too, and may win.
stale=$(ls bench/target/lib | sed -E 's/-[0-9][0-9.]*(-SNAPSHOT)?\.jar$//' | sort | uniq -d)
if [ -n "$stale" ]; then
  echo "bench/target/lib holds two versions of: $stale; run 'mvn -q clean package -DskipTests'" >&2
  exit 1
fi
