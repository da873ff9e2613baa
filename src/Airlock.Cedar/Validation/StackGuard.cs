using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Airlock.Cedar.Validation;

/// <summary>
/// Lets the recursive checker handle the tallest expressions the parser accepts on any thread: when the
/// current stack runs low, the work continues on a fresh thread with a large stack.
/// </summary>
internal static class StackGuard
{
    private const int LargeStackBytes = 64 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        if (RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return work();
        }

        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            LargeStackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
