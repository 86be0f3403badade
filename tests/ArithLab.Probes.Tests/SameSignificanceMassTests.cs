using ArithLab.Probes.Attention;

namespace ArithLab.Probes.Tests;

public class SameSignificanceMassTests
{
    [Fact]
    public void Mass_on_digits_of_the_answer_digits_place_value_is_summed_per_query_and_averaged()
    {
        // "$21+43=46": positions 0 $, 1 '2'(units), 2 '1'(tens), 3 +, 4 '4'(units), 5 '3'(tens), 6 =, 7 '4', 8 '6'.
        int[] significance = [-1, 0, 1, -1, 0, 1, -1, -1, -1];
        var pattern = new double[9, 9];
        // Query 6 predicts the units digit: 0.3 on '2', 0.4 on '4', 0.3 elsewhere → 0.7.
        pattern[6, 1] = 0.3; pattern[6, 4] = 0.4; pattern[6, 6] = 0.3;
        // Query 7 predicts the tens digit: 0.5 on '1' (tens), 0.5 on '4' (units) → 0.5.
        pattern[7, 2] = 0.5; pattern[7, 4] = 0.5;

        var mass = SameSignificanceMass.Of(pattern, [(6, 0), (7, 1)], significance);

        Assert.Equal((0.7 + 0.5) / 2, mass, 12);
    }
}
