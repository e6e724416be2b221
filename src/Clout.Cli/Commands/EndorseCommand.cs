using System.CommandLine;
using Clout.Application.Endorsing;
using Clout.Application.Explaining;
using Clout.Cli.Infrastructure;

namespace Clout.Cli.Commands;

/// <summary><c>clout endorse PERSON --topic SLUG --by PERSON</c>: a +K endorsement, checked against the limits.</summary>
public static class EndorseCommand
{
    public static Command Build()
    {
        var person = new Argument<string>("person") { Description = "Who is endorsed: person id, network:account, or handle" };
        var topic = new Option<string>("--topic") { Description = "Topic slug, such as rust", Required = true, HelpName = "SLUG" };
        var by = new Option<string?>("--by") { Description = "Who endorses (default: $CLOUT_PERSON)", HelpName = "PERSON" };
        var command = new Command("endorse", "Endorse a person for a topic (+K)") { person, topic, by };
        command.SetAction(CommandContext.Run(async (ctx, ct) =>
        {
            var endorser = ctx.Parse.GetValue(by) ?? Environment.GetEnvironmentVariable("CLOUT_PERSON")
                ?? throw new ArgumentException("--by is required (or set CLOUT_PERSON): who gives the endorsement");
            await using var store = await ctx.OpenStoreAsync(ct);
            var from = await PersonResolver.ResolveAsync(store, endorser, ct);
            var to = await PersonResolver.ResolveAsync(store, ctx.Parse.GetValue(person)!, ct);
            var e = await new EndorsementService(store, TimeProvider.System) { Taxonomy = ctx.Taxonomy }.EndorseAsync(from, to, ctx.Parse.GetValue(topic)!, ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new { by = e.By, person = e.Person, topic = e.Topic, time = e.Time, from = e.From.ToString(), to = e.To.ToString(), action = e.ActionId });
            }
            else
            {
                await ctx.Out.WriteLineAsync($"{e.By} endorsed {e.Person} for {e.Topic} ({e.From} -> {e.To}); it counts from the next score run");
            }

            return CommandContext.Ok;
        }));
        return command;
    }
}
