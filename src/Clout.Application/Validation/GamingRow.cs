namespace Clout.Application.Validation;

/// <summary>
/// One cell: targets at a level (low, mid) given <see cref="Volume"/> actions of one <see cref="Kind"/>;
/// <see cref="Ratio"/> divides the mean change by that of the genuine counterpart (engagement, or follows for
/// fake followers); <see cref="Flagged"/> counts targets whose explanation carries a warning flag and
/// <see cref="Discounted"/> those whose explanation lists the injected actors among the discounted signals.
/// </summary>
public sealed record GamingRow(string Level, int Volume, string Kind, int Targets, double BaseScore, double MeanChange, double? Ratio, int Flagged, int Discounted);
