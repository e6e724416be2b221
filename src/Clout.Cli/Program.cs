using System.CommandLine;
using Clout.Cli;

// Handles are written with a leading @, so "@name" must not be read as a response file.
var configuration = new ParserConfiguration { ResponseFileTokenReplacer = null };
var parse = CloutCommand.Build().Parse(args, configuration);
var exit = await parse.InvokeAsync();

// A command line that does not parse is a usage error (2), like every other bad argument.
return parse.Errors.Count > 0 && exit == 1 ? 2 : exit;
