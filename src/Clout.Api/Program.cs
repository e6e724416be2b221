using Clout.Api;

// `clout serve` is the usual way in; this entry point lets the API run on its own (and WebApplicationFactory find it).
var app = CloutApi.BuildApp(null, args);
await app.RunAsync();
