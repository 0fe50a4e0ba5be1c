// Run here, the servers are Debian packages, started as their own users with POSIX file modes.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
