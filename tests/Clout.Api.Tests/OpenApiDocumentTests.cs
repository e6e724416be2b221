using Clout.Api.Tests.Infrastructure;

namespace Clout.Api.Tests;

/// <summary>The committed docs/api/openapi-v1.json is the served document: set CLOUT_UPDATE_OPENAPI=1 to rewrite it after an API change.</summary>
public sealed class OpenApiDocumentTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_served_openapi_document_equals_the_committed_one()
    {
        var served = (await api.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken)).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryRoot(), "docs", "api", "openapi-v1.json");
        if (Environment.GetEnvironmentVariable("CLOUT_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served, TestContext.Current.CancellationToken);
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing; run the tests once with CLOUT_UPDATE_OPENAPI=1");
        var committed = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        served.ShouldBe(committed, "the API changed: run the tests with CLOUT_UPDATE_OPENAPI=1 and commit docs/api/openapi-v1.json");
    }

    [Fact]
    public async Task The_document_describes_our_api_and_the_klout_paths()
    {
        var doc = await Json.GetOkAsync(api.Client, "/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/people/{id}");
        paths.ShouldContain("/v2/user.json/{kloutId}");
        paths.ShouldContain("/1/klout.json");
        doc.TryGetProperty("servers", out _).ShouldBeFalse();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clout.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Clout.slnx above {AppContext.BaseDirectory}");
    }
}
