namespace Airlock.Core.Tokens;

/// <summary>What the gateway knows about a session at the moment a token for it is presented.</summary>
public enum SessionStatus
{
    Active,
    Revoked,
    Unknown,
    AgentDisabled,
}
