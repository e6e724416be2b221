using System.Globalization;
using System.Text.Json;
using Clout.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Clout.Api.Tests.Browser;

/// <summary>Topic leaderboards in the dashboard (issue 7, part 5): reached from the leaderboard's topic picker and a profile's topic chips, showing the API's numbers.</summary>
public sealed class TopicDashboardTests(BrowserFixture web) : IClassFixture<BrowserFixture>
{
    private static string F2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private Task<JsonElement> ApiAsync(string path) => Json.GetOkAsync(web.Http, path);

    private async Task<(string Person, string Slug)> TopicOfATopPersonAsync()
    {
        var board = await ApiAsync("/api/v1/leaderboard?limit=20");
        foreach (var row in board.GetProperty("items").EnumerateArray())
        {
            var person = row.GetProperty("person").GetString()!;
            var topics = await ApiAsync($"/api/v1/people/{Uri.EscapeDataString(person)}/topics");
            if (topics.GetArrayLength() > 0)
            {
                return (person, topics[0].GetProperty("slug").GetString()!);
            }
        }

        throw new InvalidOperationException("none of the top 20 people has a topic");
    }

    private static async Task RowsMatchTheApiAsync(IPage page, JsonElement api)
    {
        var rows = page.Locator("[data-testid=topic-leaderboard] tbody tr");
        await rows.First.WaitForAsync();
        var items = api.GetProperty("items");

        // The page may still show the rows of the view before (the picker re-renders once the answer arrives): wait
        // for the row count to become the API's rather than reading it once.
        await Assertions.Expect(rows).ToHaveCountAsync(items.GetArrayLength());
        for (var i = 0; i < Math.Min(10, items.GetArrayLength()); i++)
        {
            (await rows.Nth(i).GetAttributeAsync("data-person")).ShouldBe(items[i].GetProperty("person").GetString());
            (await rows.Nth(i).Locator("[data-testid=row-topic-score]").InnerTextAsync()).ShouldBe(F2(items[i].GetProperty("topicScore").GetDouble()));
            (await rows.Nth(i).Locator("[data-testid=row-score]").InnerTextAsync()).ShouldBe(F2(items[i].GetProperty("score").GetDouble()));
        }
    }

    [Fact]
    public async Task The_topic_picker_on_the_leaderboard_opens_the_topic_leaderboard_of_the_api()
    {
        var (_, slug) = await TopicOfATopPersonAsync();
        var page = await web.PageAsync();
        await page.GotoAsync("/");
        await page.Locator("[data-testid=leaderboard] tbody tr").First.WaitForAsync();

        await page.SelectOptionAsync("#topic", slug);
        await page.WaitForURLAsync($"**/#/t/{slug}");

        await RowsMatchTheApiAsync(page, await ApiAsync($"/api/v1/topics/{slug}/leaderboard?limit=25"));
        var topic = (await ApiAsync("/api/v1/topics")).EnumerateArray().Single(t => t.GetProperty("slug").GetString() == slug);
        (await page.Locator("h1").InnerTextAsync()).ShouldContain(topic.GetProperty("name").GetString()!);
        await BrowserFixture.ScreenshotAsync(page, "topic-leaderboard");

        await page.SelectOptionAsync("#network", "mastodon");
        await page.WaitForURLAsync($"**/#/t/{slug}?network=mastodon*");
        var mastodon = await ApiAsync($"/api/v1/topics/{slug}/leaderboard?network=mastodon&limit=25");
        if (mastodon.GetProperty("items").GetArrayLength() > 0)
        {
            await page.Locator($"[data-testid=topic-leaderboard] tbody tr[data-person='{mastodon.GetProperty("items")[0].GetProperty("person").GetString()}']").First.WaitForAsync();
            await RowsMatchTheApiAsync(page, mastodon);
        }

        await page.SelectOptionAsync("#topic", string.Empty);
        await page.WaitForURLAsync("**/#/");
        await page.Locator("[data-testid=leaderboard] tbody tr").First.WaitForAsync();
    }

    [Fact]
    public async Task A_topic_chip_on_a_profile_opens_the_topic_leaderboard_from_the_keyboard()
    {
        var (person, slug) = await TopicOfATopPersonAsync();
        var topics = await ApiAsync($"/api/v1/people/{Uri.EscapeDataString(person)}/topics");
        var page = await web.PageAsync();
        await page.GotoAsync($"/#/p/{Uri.EscapeDataString(person)}");
        var chips = page.Locator("[data-testid=topics] a");
        await chips.First.WaitForAsync();

        (await chips.CountAsync()).ShouldBe(topics.GetArrayLength());
        (await chips.First.Locator("[data-testid=topic-score]").InnerTextAsync()).ShouldBe(F2(topics[0].GetProperty("score").GetDouble()));

        await chips.First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/#/t/{slug}");

        var api = await ApiAsync($"/api/v1/topics/{slug}/leaderboard?limit=25");
        await RowsMatchTheApiAsync(page, api);
        var row = page.Locator($"[data-testid=topic-leaderboard] tbody tr[data-person='{person}']");
        if (await row.CountAsync() > 0)
        {
            (await row.Locator("[data-testid=row-topic-score]").InnerTextAsync()).ShouldBe(F2(topics[0].GetProperty("score").GetDouble()));
        }
    }

    [Fact]
    public async Task The_topic_leaderboard_fits_a_phone_screen_and_explains_a_bad_minimum()
    {
        var (_, slug) = await TopicOfATopPersonAsync();
        var page = await web.PageAsync(390, 844);
        await page.GotoAsync($"/#/t/{slug}");
        await page.Locator("[data-testid=topic-leaderboard] tbody tr").First.WaitForAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
        await BrowserFixture.ScreenshotAsync(page, "topic-leaderboard-phone");

        await page.GotoAsync($"/#/t/{slug}?min=250");
        await page.Locator("#status.error").WaitForAsync();
        (await page.Locator("#status").InnerTextAsync()).ShouldContain("minScore");
        await page.GotoAsync("/#/t/no-such-topic");
        await page.Locator("#status.error").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        (await page.Locator("#status").InnerTextAsync()).ShouldContain("no topic 'no-such-topic'");
    }
}
