"""PyTorch's results for in-place changes through views (the base's history after a view is
changed, stale views, views of bases without grad, as_strided on a non-contiguous view).

Run from the repository root with a Python that has torch:
    python Packages/Autograd/Scripts/make_inplace_fixtures.py
Writes Packages/Autograd/Tests/EmberAutogradTests/Fixtures/inplace.json: tensors, grad_fn
names (key suffix _fn) and error messages (key suffix _error)."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'Core', 'Scripts'))
import fixture_util
import torch

fixture_util.FIXTURES = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberAutogradTests', 'Fixtures')
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
out = {}

def leaf(*shape):
    return torch.randn(*shape).requires_grad_()

def name(t):
    return type(t.grad_fn).__name__ if t.grad_fn is not None else None

# 1. The base changes in place after a view was taken: the view sees the new history.
x = leaf(5); b = leaf(5)
a = x.clone(); v = a[1:]
a.mul_(b)
out['stale_v_fn'] = name(v)
(v * v).sum().backward()
out.update(stale_x=x.detach(), stale_b=b.detach(), stale_x_grad=x.grad, stale_b_grad=b.grad)

# 2. One view changes in place; a sibling view taken before sees it.
x = leaf(4)
a = x.clone(); v1 = a[:2]; v2 = a[1:]
v1.mul_(3)
out.update(sibling_a_fn=name(a), sibling_v1_fn=name(v1), sibling_v2_fn=name(v2))
(v2 * v2).sum().backward()
out.update(sibling_x=x.detach(), sibling_x_grad=x.grad, sibling_a=a.detach())

# 3. A view of a view (transpose then select) stays current after the base changes via another view.
x = leaf(2, 3); c = leaf(3)
a = x.clone(); col = a.t()[1]
a[0].mul_(c)
out['nested_col_fn'] = name(col)
(col * col.exp()).sum().backward()
out.update(nested_x=x.detach(), nested_c=c.detach(), nested_x_grad=x.grad, nested_c_grad=c.grad)

# 4. copy_ into a view of a base that does not require grad.
y = leaf(2)
base = torch.zeros(4); v = base[:2]
v.copy_(y)
out.update(copy_base_fn=name(base), copy_v_fn=name(v), copy_base=base.detach())
(base * torch.arange(1., 5.)).sum().backward()
out.update(copy_y=y.detach(), copy_y_grad=y.grad)

# 5. mul_ into a transposed row of a base without grad; the base and the view both carry history.
y = leaf(2)
base = torch.arange(1., 7.).reshape(2, 3).clone(); v = base.t()[1]
v.mul_(y)
out.update(mul_base_fn=name(base), mul_v_fn=name(v), mul_base=base.detach())
((base * base).sum() + (v * v.sin()).sum()).backward()
out.update(mul_y=y.detach(), mul_y_grad=y.grad)

# 6. as_strided of a non-contiguous view (a transpose) of a non-leaf, changed in place.
x = leaf(2, 3); y = leaf(2)
a = x.clone(); s = a.t().as_strided([2], [3], 1)
s.mul_(y)
out.update(strided_a_fn=name(a), strided_s_fn=name(s), strided_a=a.detach())
(a * torch.arange(1., 7.).reshape(2, 3)).sum().backward()
out.update(strided_x=x.detach(), strided_y=y.detach(), strided_x_grad=x.grad, strided_y_grad=y.grad)

# 7. as_strided of a non-contiguous base without grad (a transposed plain tensor), changed in place.
y = leaf(3)
root = torch.arange(1., 7.).reshape(2, 3).clone(); t = root.t()
s = t.as_strided([3], [1], 3)   # the second row of root, addressed through storage
s.mul_(y)
out['plain_strided_root'] = root.detach()
(root * root).sum().backward()
out.update(plain_strided_y=y.detach(), plain_strided_y_grad=y.grad)

# Errors.
x = leaf(4)
try:
    x[:2].mul_(2)
except RuntimeError as e:
    out['leaf_view_error'] = str(e)
a = x.clone()
with torch.no_grad():
    v = a[:2]
try:
    v.mul_(leaf(2))
except RuntimeError as e:
    out['no_grad_view_error'] = str(e)

fixture_util.write('inplace', out)
