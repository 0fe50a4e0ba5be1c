using System.Runtime.CompilerServices;

// The bus tests drive single passes of the relay and the retention cleaner directly instead of waiting on timers.
[assembly: InternalsVisibleTo("ServiceDefaults.Tests")]
