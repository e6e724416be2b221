namespace Clout.Api.Models.Klout;

/// <summary>v2 <c>scoreDeltas</c> / <c>scoreDelta</c>: changes over a day, a week and a month (0 when there is no earlier score).</summary>
public sealed record KloutDeltas(double DayChange, double WeekChange, double MonthChange);
