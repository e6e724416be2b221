using Clout.Api.Infrastructure;
using Clout.Api.Security;
using Clout.Application.Stores;
using Clout.Core.Storage;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Clout.Api;

/// <summary>Builds the web app: the read API, the Klout-compatible API, the OpenAPI document and the dashboard.</summary>
public static class CloutApi
{
    public const string DashboardPath = "/";
    public const string DocsPath = "/docs.html";
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>
    /// The app for <paramref name="options"/> (which win over appsettings and the environment when given) and
    /// ASP.NET Core's usual <paramref name="args"/>.
    /// </summary>
    public static WebApplication BuildApp(ApiOptions? options = null, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
        if (options is not null)
        {
            builder.Configuration.AddInMemoryCollection(options.ToConfiguration());
        }

        var urls = options?.Urls ?? builder.Configuration["urls"];
        builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(urls) ? ApiOptions.DefaultUrls : urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICloutStore>(sp => StoreFactory.OpenAsync(sp.GetRequiredService<IOptions<ApiOptions>>().Value.Store).GetAwaiter().GetResult());
        services.AddSingleton<ScoreStateCache>();
        services.AddSingleton<Snapshots>();
        services.AddSingleton<KloutDirectory>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<KeyRateLimiter>();
        services.AddHostedService<StoreWarmup>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Clout API";
            document.Info.Version = "v1";
            document.Info.Description = "Scores, explanations and leaderboards of the Clout influence score, and Klout-compatible v1 and v2 endpoints. See docs/api.md and docs/klout-compat.md.";
            // The servers list would name whichever host answered; the committed document must not depend on it.
            document.Servers = [];
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusPages.WriteAsync);

        var files = new EmbeddedFileProvider(typeof(CloutApi).Assembly, "Clout.Api.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapPeopleApi();
        app.MapLeaderboardApi();
        app.MapTopicsApi();
        app.MapKeysApi();
        app.MapKloutV2Api();
        app.MapKloutV1Api();
        return app;
    }
}
