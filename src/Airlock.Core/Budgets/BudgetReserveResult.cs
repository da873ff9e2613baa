using System.Diagnostics.CodeAnalysis;

namespace Airlock.Core.Budgets;

/// <summary>The outcome of a reservation: either the reservation, or the refusal that explains why nothing was reserved.</summary>
public sealed class BudgetReserveResult
{
    private BudgetReserveResult(BudgetReservation? reservation, BudgetRefusal? refusal)
    {
        Reservation = reservation;
        Refusal = refusal;
    }

    public BudgetReservation? Reservation { get; }

    public BudgetRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Reservation))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsReserved => Reservation is not null;

    public static BudgetReserveResult Reserved(BudgetReservation reservation) => new(reservation ?? throw new ArgumentNullException(nameof(reservation)), null);

    public static BudgetReserveResult Refused(BudgetRefusal refusal) => new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)));
}
