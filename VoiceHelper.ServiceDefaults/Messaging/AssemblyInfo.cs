using System.Runtime.CompilerServices;

// The ServiceDefaults tests drive internal pieces (for example the service discovery handler) directly.
[assembly: InternalsVisibleTo("ServiceDefaults.Tests")]
