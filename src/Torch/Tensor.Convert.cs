namespace ArithLab.Torch;

// dtype conversions in PyTorch's short form (x.float(), x.long(), ...), on the same device.
public sealed partial class Tensor
{
    public Tensor Float() => To(ScalarType.Float32);

    public Tensor Double() => To(ScalarType.Float64);

    public Tensor Half() => To(ScalarType.Float16);

    public Tensor BFloat16() => To(ScalarType.BFloat16);

    public Tensor Long() => To(ScalarType.Int64);

    public Tensor Int() => To(ScalarType.Int32);

    public Tensor Bool() => To(ScalarType.Bool);
}
