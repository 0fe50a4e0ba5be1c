// The local profile runs Debian-packaged servers as child processes and uses POSIX signals and file modes.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
