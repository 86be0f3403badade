namespace ArithLab.Torch;

// Operator overloads. Each returns a new tensor the caller owns (or the open DisposeScope).
// Comparison operators are deliberately absent: == keeps reference equality; use Tensor.Eq.
public sealed partial class Tensor
{
    public static Tensor operator +(Tensor a, Tensor b) => Add(a, b);
    public static Tensor operator +(Tensor a, double b) => Add(a, b);
    public static Tensor operator +(Tensor a, long b) => Add(a, b);
    public static Tensor operator +(double a, Tensor b) => Add(b, a);
    public static Tensor operator +(long a, Tensor b) => Add(b, a);

    public static Tensor operator -(Tensor a, Tensor b) => Sub(a, b);
    public static Tensor operator -(Tensor a, double b) => Sub(a, b);
    public static Tensor operator -(Tensor a, long b) => Sub(a, b);
    public static Tensor operator -(double a, Tensor b) => Sub(a, b);
    public static Tensor operator -(long a, Tensor b) => Sub(a, b);

    public static Tensor operator *(Tensor a, Tensor b) => Mul(a, b);
    public static Tensor operator *(Tensor a, double b) => Mul(a, b);
    public static Tensor operator *(Tensor a, long b) => Mul(a, b);
    public static Tensor operator *(double a, Tensor b) => Mul(b, a);
    public static Tensor operator *(long a, Tensor b) => Mul(b, a);

    public static Tensor operator /(Tensor a, Tensor b) => Div(a, b);
    public static Tensor operator /(Tensor a, double b) => Div(a, b);
    public static Tensor operator /(Tensor a, long b) => Div(a, b);
    public static Tensor operator /(double a, Tensor b) => Div(a, b);
    public static Tensor operator /(long a, Tensor b) => Div(a, b);

    public static Tensor operator %(Tensor a, Tensor b) => Remainder(a, b);
    public static Tensor operator %(Tensor a, double b) => Remainder(a, b);
    public static Tensor operator %(Tensor a, long b) => Remainder(a, b);

    public static Tensor operator -(Tensor a) => a.Neg();

    public static Tensor operator &(Tensor a, Tensor b) => BitwiseAnd(a, b);
    public static Tensor operator &(Tensor a, long b) => BitwiseAnd(a, b);
    public static Tensor operator |(Tensor a, Tensor b) => BitwiseOr(a, b);
    public static Tensor operator |(Tensor a, long b) => BitwiseOr(a, b);
    public static Tensor operator ^(Tensor a, Tensor b) => BitwiseXor(a, b);
    public static Tensor operator ^(Tensor a, long b) => BitwiseXor(a, b);
    public static Tensor operator ~(Tensor a) => a.BitwiseNot();
    public static Tensor operator <<(Tensor a, int bits) => BitwiseLeftShift(a, bits);
    public static Tensor operator >>(Tensor a, int bits) => BitwiseRightShift(a, bits);
}
