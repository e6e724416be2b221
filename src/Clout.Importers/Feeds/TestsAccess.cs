using System.Runtime.CompilerServices;

// The date and HTML helpers are tested directly: they carry most of the feed formats' variety.
[assembly: InternalsVisibleTo("Clout.Importers.Tests")]
