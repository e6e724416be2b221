namespace Clout.Application.Endorsing;

/// <summary>An endorsement broke a rule; <see cref="Reason"/> is "self", "unknown_topic", "daily_limit" or "repeat".</summary>
public sealed class EndorsementRejectedException : InvalidOperationException
{
    public EndorsementRejectedException(string reason, string message)
        : base(message) => Reason = reason;

    public EndorsementRejectedException()
        : this("rejected", "endorsement rejected")
    {
    }

    public EndorsementRejectedException(string message)
        : this("rejected", message)
    {
    }

    public EndorsementRejectedException(string message, Exception inner)
        : base(message, inner) => Reason = "rejected";

    public string Reason { get; }
}
