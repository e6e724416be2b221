using Clout.Core.Storage;
using Clout.Engine.Model;
using Clout.Engine.Window;

namespace Clout.Application.Validation;

/// <summary>Scores one day from a store with the engine, keeping the model output (per-account values and sub-scores).</summary>
public static class EngineRun
{
    public static async Task<ModelOutput> RunAsync(ICloutStore store, ModelParameters model, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        var builder = new WindowBuilder(model, day);
        await store.ReadWindowAsync(day, model.WindowDays, builder, cancellationToken);
        return new ScoringModel(model).Run(builder.Build());
    }

    /// <summary>Person scores by person key, for people active in the window.</summary>
    public static Dictionary<string, double> PersonScores(ModelOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var p = 0; p < output.Input.PersonKeys.Length; p++)
        {
            if (output.PersonActive[p])
            {
                result[output.Input.PersonKeys[p]] = output.PersonScore[p];
            }
        }

        return result;
    }
}
