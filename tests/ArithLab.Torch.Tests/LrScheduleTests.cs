using ArithLab.Torch.Optim;

namespace ArithLab.Torch.Tests;

/// <summary>Schedules at their boundary steps, worked by hand.</summary>
public class LrScheduleTests
{
    [Fact]
    public void Constant_schedule_gives_the_same_rate_at_every_step()
    {
        var schedule = new ConstantLr(3e-4);
        Assert.Equal(3e-4, schedule.LearningRate(0));
        Assert.Equal(3e-4, schedule.LearningRate(1_000_000));
    }

    [Fact]
    public void Constant_schedule_with_warmup_rises_linearly_then_stays()
    {
        var schedule = new ConstantLr(0.4, warmupSteps: 4);
        Assert.Equal(0.1, schedule.LearningRate(0), 15);
        Assert.Equal(0.3, schedule.LearningRate(2), 15);
        Assert.Equal(0.4, schedule.LearningRate(3), 15);
        Assert.Equal(0.4, schedule.LearningRate(4), 15);
        Assert.Equal(0.4, schedule.LearningRate(10_000), 15);
    }

    [Fact]
    public void A_run_that_only_warms_up_reaches_the_maximum_at_its_last_step()
    {
        // warm-up = total = 5: steps 0..4 warm up; a step past the run would get the minimum.
        var s = new WarmupCosineLr(maxLr: 1.0, minLr: 0.1, warmupSteps: 5, totalSteps: 5);
        Assert.Equal(0.2, s.LearningRate(0), 15);
        Assert.Equal(1.0, s.LearningRate(4), 15);
        Assert.Equal(0.1, s.LearningRate(5), 15);
        Assert.Equal(1.0, new WarmupLinearLr(1.0, 0.0, 5, 5).LearningRate(4), 15);
    }

    [Fact]
    public void Warmup_cosine_rises_linearly_then_falls_along_a_half_cosine_to_the_minimum()
    {
        // max 1, min 0.1, 4 warm-up steps, cosine from step 4 to step 14 (10 steps).
        var s = new WarmupCosineLr(maxLr: 1.0, minLr: 0.1, warmupSteps: 4, totalSteps: 14);
        Assert.Equal(0.25, s.LearningRate(0), 15);   // 1·1/4
        Assert.Equal(0.75, s.LearningRate(2), 15);   // 1·3/4
        Assert.Equal(1.0, s.LearningRate(3), 15);    // last warm-up step reaches the max
        Assert.Equal(1.0, s.LearningRate(4), 15);    // cosine starts at the max
        Assert.Equal(0.55, s.LearningRate(9), 15);   // halfway: 0.1 + 0.5·(1 + cos(π/2))·0.9
        Assert.Equal(0.1 + 0.5 * (1 + Math.Cos(Math.PI * 0.3)) * 0.9, s.LearningRate(7), 15);
        Assert.Equal(0.1, s.LearningRate(14), 15);   // end of decay
        Assert.Equal(0.1, s.LearningRate(1000), 15); // and after it
    }

    [Fact]
    public void Warmup_linear_rises_then_falls_on_a_straight_line_to_the_minimum()
    {
        // max 2, min 0, 2 warm-up steps, linear decay from step 2 to step 6.
        var s = new WarmupLinearLr(maxLr: 2.0, minLr: 0.0, warmupSteps: 2, totalSteps: 6);
        Assert.Equal(1.0, s.LearningRate(0), 15);
        Assert.Equal(2.0, s.LearningRate(1), 15);
        Assert.Equal(2.0, s.LearningRate(2), 15);
        Assert.Equal(1.5, s.LearningRate(3), 15);
        Assert.Equal(1.0, s.LearningRate(4), 15);
        Assert.Equal(0.5, s.LearningRate(5), 15);
        Assert.Equal(0.0, s.LearningRate(6), 15);
        Assert.Equal(0.0, s.LearningRate(7), 15);
    }

    [Fact]
    public void Zero_warmup_starts_the_decay_at_the_maximum()
    {
        Assert.Equal(0.5, new WarmupCosineLr(0.5, 0.0, 0, 10).LearningRate(0), 15);
        Assert.Equal(0.5, new WarmupLinearLr(0.5, 0.0, 0, 10).LearningRate(0), 15);
    }

    [Fact]
    public void Schedules_reject_inconsistent_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupCosineLr(0.1, 0.2, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupCosineLr(0.1, 0.0, 10, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantLr(0.1, warmupSteps: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupLinearLr(-1, 0.0, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantLr(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantLr(1).LearningRate(-1));
    }
}
