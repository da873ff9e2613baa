namespace Airlock.Core.Budgets;

/// <summary>Whose budget: one session, every session of an agent, or every session acting for a user.</summary>
public enum BudgetScope
{
    Session,
    Agent,
    User,
}
