using Clout.Core.Domain;
using Clout.Engine.Topics;
using Clout.Engine.Topics.Assignment;

namespace Clout.Engine.Tests.Topics.Assignment;

/// <summary>Posts are matched in background batches; the window must equal matching each text in arrival order.</summary>
public sealed class TopicWindowBatchTests
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    private static readonly string[] Texts =
    [
        "New release of our #rust compiler plugin, benchmarks inside",
        "lunch was fine",
        "Arsenal won again! #football #premierleague",
        "",
        "reading about quantum computing and machine learning on https://arxiv.org/abs/1234",
        "#jazz night with friends, then a film",
        "nothing to see here",
        "Marathon training: 30 km today #running",
    ];

    [Theory]
    [InlineData(5)]
    [InlineData(8192)]
    [InlineData(20_000)]
    public void Batched_window_equals_matching_one_text_at_a_time(int posts)
    {
        var matcher = new TopicMatcher(TopicTaxonomy.Default);
        var window = new TopicWindow(matcher, 50, Day, id => id < 50 ? (int)id : -1);
        var reactions = new int[TopicWindow.Kinds];
        var expected = new List<(int Account, string Source, string Text, int Likes, int[] Topics)>();
        for (var i = 0; i < posts; i++)
        {
            var text = Texts[i % Texts.Length];
            var account = i % 53; // ids 50–52 are unknown accounts, which are skipped
            reactions[(int)ActionKind.Like] = i % 7;
            window.Post(account, $"p{i}", PostKind.Post, DayNumber.Of(Day) - (i % 90), text, reactions);
            var found = matcher.Match(text);
            if (account < 50 && text.Length > 0 && found.Count > 0)
            {
                expected.Add((account, $"p{i}", text, i % 7, found.Select(e => e.Topic).Distinct().Order().ToArray()));
            }
        }

        Assert.Equal(expected.Count, window.Posts);
        for (var p = 0; p < expected.Count; p++)
        {
            Assert.Equal(expected[p].Account, window.PostAccount(p));
            Assert.Equal(expected[p].Source, window.PostSource(p));
            Assert.Equal(expected[p].Text, window.PostText(p));
            Assert.Equal(expected[p].Likes, window.PostReactions(p)[(int)ActionKind.Like]);
            Assert.Equal(expected[p].Topics, window.PostTopics(p).ToArray().Order().ToArray());
            var shares = window.PostShares(p);
            Assert.InRange(shares.ToArray().Sum(), 0.01f, 1.0001f);
        }
    }

    [Fact]
    public void Completing_twice_and_posting_after_completion_keep_every_post()
    {
        var window = new TopicWindow(new TopicMatcher(TopicTaxonomy.Default), 1, Day, _ => 0);
        var reactions = new int[TopicWindow.Kinds];
        window.Post(0, "a", PostKind.Post, DayNumber.Of(Day), "#football tonight", reactions);
        window.Complete();
        window.Complete();
        window.Post(0, "b", PostKind.Post, DayNumber.Of(Day), "#jazz tonight", reactions);
        Assert.Equal(2, window.Posts);
        Assert.Equal("b", window.PostSource(1));
    }
}
