using System.CommandLine;
using Clout.Cli;

// Handles are written with a leading @, so "@name" must not be read as a response file.
var configuration = new ParserConfiguration { ResponseFileTokenReplacer = null };
return await CloutCommand.Build().Parse(args, configuration).InvokeAsync();
