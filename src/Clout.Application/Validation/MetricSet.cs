namespace Clout.Application.Validation;

/// <summary>How well one predictor ranks accounts by their future: Spearman ρ, NDCG@k and precision@k.</summary>
public sealed record MetricSet(double Spearman, double Ndcg, double Precision);
