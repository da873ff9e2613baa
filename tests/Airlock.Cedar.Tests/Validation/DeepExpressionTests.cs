using static Airlock.Cedar.Tests.Validation.ValidationFixture;

namespace Airlock.Cedar.Tests.Validation;

public class DeepExpressionTests
{
    [Fact]
    public void TallestAcceptedConditionValidatesEvenOnASmallStack()
    {
        // 990 comparisons joined by `&&` are close to the parser's height limit of 1000.
        var condition = string.Join(" && ", Enumerable.Repeat("principal.age > 1", 990));
        ValidationResult? result = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = When(condition);
                }
                catch (CedarException e)
                {
                    failure = e;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        AssertValid(result!);
    }
}
