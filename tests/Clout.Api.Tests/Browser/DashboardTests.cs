using System.Globalization;
using Clout.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Clout.Api.Tests.Browser;

/// <summary>The dashboard in a real browser: the numbers it shows are the API's, and search → profile → compare works by mouse and keyboard.</summary>
public sealed class DashboardTests(BrowserFixture web) : IClassFixture<BrowserFixture>
{
    private static string F2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private Task<System.Text.Json.JsonElement> ApiAsync(string path) => Json.GetOkAsync(web.Http, path);

    [Fact]
    public async Task The_leaderboard_page_shows_the_api_leaderboard()
    {
        var page = await web.PageAsync();
        await page.GotoAsync("/");
        var rows = page.Locator("[data-testid=leaderboard] tbody tr");
        await rows.First.WaitForAsync();
        var api = await ApiAsync("/api/v1/leaderboard?limit=25");
        (await rows.CountAsync()).ShouldBe(api.GetProperty("items").GetArrayLength());
        for (var i = 0; i < 5; i++)
        {
            var expected = api.GetProperty("items")[i];
            (await rows.Nth(i).GetAttributeAsync("data-person")).ShouldBe(expected.GetProperty("person").GetString());
            (await rows.Nth(i).Locator("[data-testid=row-score]").InnerTextAsync()).ShouldBe(F2(expected.GetProperty("score").GetDouble()));
        }

        await BrowserFixture.ScreenshotAsync(page, "leaderboard");
        await page.SelectOptionAsync("#network", "mastodon");
        await page.WaitForURLAsync("**/#/?network=mastodon*");
        var mastodon = await ApiAsync("/api/v1/leaderboard/mastodon?limit=25");
        await page.Locator($"[data-testid=leaderboard] tbody tr[data-person='{mastodon.GetProperty("items")[0].GetProperty("person").GetString()}']").First.WaitForAsync();
    }

    [Fact]
    public async Task Search_then_profile_then_compare_shows_the_api_numbers()
    {
        var board = await ApiAsync("/api/v1/leaderboard?limit=2");
        var first = board.GetProperty("items")[0].GetProperty("person").GetString()!;
        var second = board.GetProperty("items")[1].GetProperty("person").GetString()!;
        var profile = await ApiAsync($"/api/v1/people/{first}");
        var name = profile.GetProperty("person").GetProperty("name").GetString()!;
        var score = profile.GetProperty("score");

        var page = await web.PageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#search-input", name);
        await page.PressAsync("#search-input", "Enter");
        var results = page.Locator("[data-testid=search-results]");
        await results.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "search");
        await results.Locator($"a[href='#/p/{first}']").ClickAsync();

        await page.Locator("[data-testid=score]").WaitForAsync();
        (await page.Locator("[data-testid=score]").InnerTextAsync()).ShouldBe(F2(score.GetProperty("score").GetDouble()));
        (await page.Locator("[data-testid=bucket]").InnerTextAsync()).ShouldContain(score.GetProperty("bucket").GetString()!);
        (await page.Locator("[data-testid=sub-reach]").InnerTextAsync()).ShouldBe(F2(score.GetProperty("reach").GetDouble()));
        (await page.Locator("[data-testid=sub-amplification]").InnerTextAsync()).ShouldBe(F2(score.GetProperty("amplification").GetDouble()));
        (await page.Locator("[data-testid=sub-network-impact]").InnerTextAsync()).ShouldBe(F2(score.GetProperty("networkImpact").GetDouble()));
        (await page.Locator("[data-testid=delta-day]").InnerTextAsync()).ShouldEndWith(F2(Math.Abs(score.GetProperty("dayChange").GetDouble())));
        (await page.Locator("[data-testid=networks] tbody tr").CountAsync()).ShouldBe(score.GetProperty("networks").GetArrayLength());
        (await page.Locator("[data-testid=history-chart] polyline").GetAttributeAsync("points"))!.Split(' ').Length.ShouldBe(3);
        (await page.Locator("[data-testid=explanation] tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        var changes = await ApiAsync($"/api/v1/people/{first}/changes");
        (await page.Locator("[data-testid=changes-delta]").InnerTextAsync()).ShouldEndWith(F2(Math.Abs(changes.GetProperty("delta").GetDouble())));
        await BrowserFixture.ScreenshotAsync(page, "profile");

        await page.GetByRole(AriaRole.Link, new() { Name = "Compare with someone" }).ClickAsync();
        await page.Locator("#cmp-b").FillAsync(second);
        await page.PressAsync("#cmp-b", "Enter");
        await page.Locator("[data-testid=compare-b] [data-testid=score]").WaitForAsync();
        var other = await ApiAsync($"/api/v1/people/{second}/score");
        (await page.Locator("[data-testid=compare-a] [data-testid=score]").InnerTextAsync()).ShouldBe(F2(score.GetProperty("score").GetDouble()));
        (await page.Locator("[data-testid=compare-b] [data-testid=score]").InnerTextAsync()).ShouldBe(F2(other.GetProperty("score").GetDouble()));
        (await page.Locator("[data-testid=history-chart] polyline").CountAsync()).ShouldBe(2);
        await BrowserFixture.ScreenshotAsync(page, "compare");
    }

    [Fact]
    public async Task The_profile_fits_a_phone_screen()
    {
        var board = await ApiAsync("/api/v1/leaderboard?limit=1");
        var person = board.GetProperty("items")[0].GetProperty("person").GetString()!;
        var page = await web.PageAsync(390, 844);
        await page.GotoAsync($"/#/p/{person}");
        await page.Locator("[data-testid=score]").WaitForAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
        await BrowserFixture.ScreenshotAsync(page, "profile-phone");
    }

    [Fact]
    public async Task Search_and_profile_work_from_the_keyboard()
    {
        var board = await ApiAsync("/api/v1/leaderboard?limit=1");
        var person = board.GetProperty("items")[0].GetProperty("person").GetString()!;
        var profile = await ApiAsync($"/api/v1/people/{person}");
        var page = await web.PageAsync();
        await page.GotoAsync("/");
        await page.Locator("[data-testid=leaderboard] tbody tr").First.WaitForAsync();

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.className")).ShouldBe("skip");
        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "search-input"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("search-input");
        await page.Keyboard.TypeAsync(profile.GetProperty("person").GetProperty("nick").GetString()!);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=search-results]").WaitForAsync();
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href') || ''") != $"#/p/{person}"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=score]").WaitForAsync();
        (await page.Locator("[data-testid=score]").InnerTextAsync()).ShouldBe(F2(profile.GetProperty("score").GetProperty("score").GetDouble()));
    }
}
