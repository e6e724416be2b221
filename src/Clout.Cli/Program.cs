using Clout.Cli;

return await CloutCommand.Build().Parse(args).InvokeAsync();
