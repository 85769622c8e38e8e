"""Writes Packages/Optim/Tests/EmberOptimTests/Fixtures/optim.json: PyTorch's trajectories of
every optimizer on a small MLP, learning-rate sequences of every scheduler, gradient clipping
results and argument-validation messages.

Run from the repository root with a Python that has torch:
    /work/torchvenv/bin/python Packages/Optim/Scripts/make_optim_fixtures.py
Optimizers run with foreach=False (PyTorch's single-tensor reference implementation)."""
import json, math, os
import torch

OUT = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberOptimTests', 'Fixtures', 'optim.json')
STEPS = 10


def flat(ts):
    return [v for t in ts for v in t.detach().double().reshape(-1).tolist()]


def text(v):
    """An option value in OptimValue's spelling."""
    if isinstance(v, bool):
        return 'True' if v else 'False'
    if isinstance(v, tuple):
        return '(%r, %r)' % (float(v[0]), float(v[1]))
    return repr(float(v))


torch.manual_seed(0)
X = torch.randn(8, 3, dtype=torch.float64)
Y = torch.randn(8, 2, dtype=torch.float64)
INIT = [torch.randn(3, 5, dtype=torch.float64) * 0.5, torch.randn(5, dtype=torch.float64) * 0.1,
        torch.randn(5, 2, dtype=torch.float64) * 0.5, torch.randn(2, dtype=torch.float64) * 0.1]


def loss_fn(ps, dtype):
    h = torch.tanh(X.to(dtype) @ ps[0] + ps[1])
    return ((h @ ps[2] + ps[3] - Y.to(dtype)) ** 2).mean()


def run(cls, dtype, groups, defaults, steps=STEPS):
    ps = [p.clone().to(dtype).requires_grad_() for p in INIT]
    opt = cls([{'params': [ps[i] for i in g['params']], **g.get('options', {})} for g in groups],
              foreach=False, **defaults)
    traj, losses = [], []
    for _ in range(steps):
        opt.zero_grad()
        loss = loss_fn(ps, dtype)
        loss.backward()
        opt.step()
        traj.append(flat(ps))
        losses.append(loss.item())
    return opt, traj, losses


ONE = [{'params': [0, 1, 2, 3]}]
OPTIM_CASES = [
    ('SGD', {'lr': 0.1}), ('SGD', {'lr': 0.1, 'momentum': 0.9}),
    ('SGD', {'lr': 0.1, 'momentum': 0.9, 'nesterov': True, 'weight_decay': 0.01}),
    ('SGD', {'lr': 0.05, 'momentum': 0.5, 'dampening': 0.3, 'maximize': True}),
    ('Adam', {'lr': 0.01}), ('Adam', {'lr': 0.01, 'amsgrad': True, 'weight_decay': 0.1}),
    ('Adam', {'lr': 0.02, 'betas': (0.8, 0.9), 'eps': 1e-6, 'maximize': True}),
    ('Adam', {'lr': 0.01, 'betas': (0.3, 0.99)}),
    ('AdamW', {'lr': 0.01}), ('AdamW', {'lr': 0.01, 'weight_decay': 0.5, 'amsgrad': True}),
    ('RMSprop', {'lr': 0.01}), ('RMSprop', {'lr': 0.01, 'centered': True, 'momentum': 0.9}),
    ('RMSprop', {'lr': 0.005, 'alpha': 0.9, 'eps': 1e-4, 'weight_decay': 0.1, 'maximize': True}),
    ('RMSprop', {'lr': 0.01, 'alpha': 0.3, 'centered': True}),
    ('Adagrad', {'lr': 0.1}), ('Adagrad', {'lr': 0.1, 'lr_decay': 0.05, 'initial_accumulator_value': 0.5}),
    ('Adagrad', {'lr': 0.1, 'weight_decay': 0.1, 'eps': 1e-3, 'maximize': True}),
    ('Adadelta', {}), ('Adadelta', {'lr': 0.5, 'rho': 0.8, 'weight_decay': 0.1}),
    ('Adamax', {'lr': 0.01}), ('Adamax', {'lr': 0.02, 'betas': (0.8, 0.95), 'weight_decay': 0.1, 'maximize': True}),
    ('NAdam', {'lr': 0.01}), ('NAdam', {'lr': 0.01, 'momentum_decay': 0.01, 'weight_decay': 0.1}),
    ('NAdam', {'lr': 0.01, 'weight_decay': 0.1, 'decoupled_weight_decay': True}),
    ('RAdam', {'lr': 0.01}), ('RAdam', {'lr': 0.01, 'betas': (0.9, 0.9)}),
    ('RAdam', {'lr': 0.01, 'weight_decay': 0.1, 'decoupled_weight_decay': True, 'betas': (0.5, 0.7)}),
]


def optim_cases():
    out = []
    for name, kw in OPTIM_CASES:
        _, traj, losses = run(getattr(torch.optim, name), torch.float64, ONE, kw)
        out.append({'opt': name, 'options': {k: text(v) for k, v in kw.items()}, 'dtype': 'float64',
                    'traj': traj, 'losses': losses})
    for name, kw in [('SGD', {'lr': 0.1, 'momentum': 0.9, 'nesterov': True}), ('Adam', {'lr': 0.01}),
                     ('AdamW', {'lr': 0.01, 'amsgrad': True})]:
        _, traj, losses = run(getattr(torch.optim, name), torch.float32, ONE, kw)
        out.append({'opt': name, 'options': {k: text(v) for k, v in kw.items()}, 'dtype': 'float32',
                    'traj': traj, 'losses': losses})
    return out


def group_cases():
    groups = [{'params': [0, 1]}, {'params': [2, 3], 'options': {'lr': 0.2, 'momentum': 0.5}}]
    _, sgd, _ = run(torch.optim.SGD, torch.float64, groups, {'lr': 0.05, 'momentum': 0.9})
    groups = [{'params': [0, 1], 'options': {'betas': (0.5, 0.6)}}, {'params': [2, 3], 'options': {'lr': 0.05}}]
    _, adam, _ = run(torch.optim.Adam, torch.float64, groups, {'lr': 0.01, 'amsgrad': True})
    return {'sgd': sgd, 'adam': adam}


def scheduled_training():
    """SGD with momentum driven by OneCycleLR (which also cycles the momentum), and Adam by
    StepLR, on the MLP: the optimizers must read the groups' options at every step."""
    out = {}
    for name, make_opt, make_sched in [
        ('sgd_onecycle', lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, foreach=False),
         lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=STEPS)),
        ('adam_steplr', lambda ps: torch.optim.Adam(ps, lr=0.05, foreach=False),
         lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5)),
    ]:
        ps = [p.clone().requires_grad_() for p in INIT]
        opt = make_opt(ps)
        sched = make_sched(opt)
        traj = []
        for _ in range(STEPS):
            opt.zero_grad()
            loss_fn(ps, torch.float64).backward()
            opt.step()
            sched.step()
            traj.append(flat(ps))
        out[name] = traj
    return out


def state_cases():
    out = {}
    for name, kw in [('SGD', {'lr': 0.1, 'momentum': 0.9}), ('Adam', {'lr': 0.01, 'amsgrad': True}),
                     ('NAdam', {'lr': 0.01}), ('Adagrad', {'lr': 0.1}), ('RMSprop', {'lr': 0.01, 'centered': True})]:
        opt, _, _ = run(getattr(torch.optim, name), torch.float64, ONE, kw, steps=5)
        sd = opt.state_dict()
        out[name] = {'state': {str(i): {k: flat([v]) for k, v in st.items()} for i, st in sd['state'].items()},
                     'groups': [{k: (text(v) if k != 'params' else v) for k, v in g.items()
                                 if k in ('params', 'lr', 'betas', 'momentum', 'eps', 'weight_decay', 'amsgrad')}
                                for g in sd['param_groups']]}
    return out


def scheduler_run(make, opt_name='SGD', steps=30, metrics=None):
    ps = [torch.zeros(2, requires_grad=True), torch.zeros(3, requires_grad=True)]
    if opt_name == 'SGD':
        opt = torch.optim.SGD([{'params': [ps[0]]}, {'params': [ps[1]], 'lr': 0.05}], lr=0.1, momentum=0.9)
    else:
        opt = torch.optim.Adam([{'params': [ps[0]]}, {'params': [ps[1]], 'lr': 0.05}], lr=0.1)
    sched = make(opt)
    lrs, moms = [list(sched.get_last_lr())], []

    def mom():
        return [g['betas'][0] if opt_name == 'Adam' else g['momentum'] for g in opt.param_groups]
    moms.append(mom())
    for i in range(steps):
        opt.step()
        if metrics is not None:
            sched.step(metrics[i])
        else:
            sched.step()
        lrs.append(list(sched.get_last_lr()))
        moms.append(mom())
    return {'lrs': lrs, 'momentum': moms}


S = torch.optim.lr_scheduler
PLATEAU = [1.0, 0.9, 0.95, 0.95, 0.95, 0.96, 0.97, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.79, 0.7999, 0.8,
           0.8, 0.8, 0.8, 0.8, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]
SCHEDULERS = {
    'StepLR': lambda o: S.StepLR(o, step_size=4, gamma=0.5),
    'MultiStepLR': lambda o: S.MultiStepLR(o, milestones=[3, 7, 7, 20], gamma=0.3),
    'ExponentialLR': lambda o: S.ExponentialLR(o, gamma=0.9),
    'CosineAnnealingLR': lambda o: S.CosineAnnealingLR(o, T_max=7, eta_min=0.001),
    'CosineAnnealingWarmRestarts': lambda o: S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2, eta_min=0.01),
    'CosineAnnealingWarmRestarts1': lambda o: S.CosineAnnealingWarmRestarts(o, T_0=4),
    'LambdaLR': lambda o: S.LambdaLR(o, [lambda e: 0.95 ** e, lambda e: 1.0 / (e + 1)]),
    'LinearLR': lambda o: S.LinearLR(o, start_factor=0.25, end_factor=0.9, total_iters=8),
    'OneCycleLR': lambda o: S.OneCycleLR(o, max_lr=[1.0, 0.5], total_steps=30),
    'OneCycleLRLinear3': lambda o: S.OneCycleLR(o, max_lr=1.0, total_steps=30, anneal_strategy='linear',
                                                three_phase=True, pct_start=0.25),
    'SequentialLR': lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=5),
                                                 S.ExponentialLR(o, gamma=0.9)], milestones=[5]),
    'ConstantLR': lambda o: S.ConstantLR(o, factor=0.4, total_iters=6),
    'MultiplicativeLR': lambda o: S.MultiplicativeLR(o, [lambda e: 0.9, lambda e: 1.0 - 0.01 * e]),
    'PolynomialLR': lambda o: S.PolynomialLR(o, total_iters=12, power=2.0),
    'ChainedScheduler': lambda o: S.ChainedScheduler([S.ConstantLR(o, factor=0.5, total_iters=4),
                                                      S.ExponentialLR(o, gamma=0.9)]),
    'SequentialLR4': lambda o: S.SequentialLR(o, [S.ConstantLR(o, factor=0.2, total_iters=3),
                                                  S.PolynomialLR(o, total_iters=10, power=0.5)], milestones=[4]),
    'SequentialLR3': lambda o: S.SequentialLR(o, [S.StepLR(o, step_size=2, gamma=0.5),
                                                  S.CosineAnnealingLR(o, T_max=6),
                                                  S.LinearLR(o, start_factor=0.5, total_iters=4)],
                                              milestones=[6, 15]),
}


def scheduler_cases():
    out = {k: scheduler_run(f) for k, f in SCHEDULERS.items()}
    out['OneCycleLRAdam'] = scheduler_run(lambda o: S.OneCycleLR(o, max_lr=0.3, total_steps=30, pct_start=0.4), 'Adam')
    out['ReduceLROnPlateau'] = scheduler_run(
        lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=2, cooldown=1, min_lr=[0.01, 0.02]), metrics=PLATEAU)
    out['ReduceLROnPlateauMaxAbs'] = scheduler_run(
        lambda o: S.ReduceLROnPlateau(o, mode='max', factor=0.3, patience=1, threshold=0.05, threshold_mode='abs'),
        metrics=[-m for m in PLATEAU])
    out['plateau_metrics'] = PLATEAU
    return out


def clip_cases():
    torch.manual_seed(1)
    grads = [torch.randn(3, 4, dtype=torch.float64), torch.randn(5, dtype=torch.float64), torch.randn(2, 2, dtype=torch.float64)]
    out = {'grads': [flat([g]) for g in grads], 'shapes': [list(g.shape) for g in grads], 'norm': []}
    for norm_type in [2.0, 1.0, 3.0, math.inf]:
        for max_norm in [1.0, 100.0]:
            ps = [torch.zeros_like(g, requires_grad=True) for g in grads]
            for p, g in zip(ps, grads):
                p.grad = g.clone()
            total = torch.nn.utils.clip_grad_norm_(ps, max_norm, norm_type=norm_type)
            out['norm'].append({'norm_type': 'inf' if math.isinf(norm_type) else norm_type, 'max_norm': max_norm,
                                'total': total.item(), 'grads': flat([p.grad for p in ps])})
    ps = [torch.zeros_like(g, requires_grad=True) for g in grads]
    for p, g in zip(ps, grads):
        p.grad = g.clone()
    torch.nn.utils.clip_grad_value_(ps, 0.5)
    out['value'] = flat([p.grad for p in ps])
    p = torch.zeros(2, requires_grad=True)
    p.grad = torch.tensor([float('inf'), 1.0])
    try:
        torch.nn.utils.clip_grad_norm_([p], 1.0, error_if_nonfinite=True)
    except RuntimeError as e:
        out['nonfinite'] = str(e)
    return out


def error_cases():
    p = [torch.zeros(2, requires_grad=True)]
    O = torch.optim
    cases = {
        'sgd_lr': lambda: O.SGD(p, lr=-1.0), 'sgd_momentum': lambda: O.SGD(p, momentum=-0.5),
        'sgd_wd': lambda: O.SGD(p, weight_decay=-0.1), 'sgd_nesterov': lambda: O.SGD(p, nesterov=True),
        'adam_lr': lambda: O.Adam(p, lr=-0.001), 'adam_eps': lambda: O.Adam(p, eps=-1e-08),
        'adam_beta0': lambda: O.Adam(p, betas=(1.0, 0.999)), 'adam_beta1': lambda: O.Adam(p, betas=(0.9, -0.1)),
        'adamw_wd': lambda: O.AdamW(p, weight_decay=-0.01), 'rmsprop_alpha': lambda: O.RMSprop(p, alpha=-0.5),
        'rmsprop_momentum': lambda: O.RMSprop(p, momentum=-1.0),
        'adagrad_lr_decay': lambda: O.Adagrad(p, lr_decay=-0.5),
        'adagrad_init': lambda: O.Adagrad(p, initial_accumulator_value=-1.0),
        'adadelta_rho': lambda: O.Adadelta(p, rho=1.5), 'nadam_md': lambda: O.NAdam(p, momentum_decay=-0.1),
        'radam_lr': lambda: O.RAdam(p, lr=-2.0), 'adamax_beta0': lambda: O.Adamax(p, betas=(-0.1, 0.9)),
        'empty': lambda: O.SGD([], lr=0.1),
        'duplicate_groups': lambda: O.SGD([{'params': p}, {'params': p}], lr=0.1),
        'linear_start': lambda: S.LinearLR(O.SGD(p, lr=0.1), start_factor=0.0),
        'plateau_factor': lambda: S.ReduceLROnPlateau(O.SGD(p, lr=0.1), factor=1.0),
    }
    out = {}
    for k, f in cases.items():
        try:
            f()
            out[k] = None
        except (ValueError, RuntimeError) as e:
            out[k] = str(e)
    return out


data = {
    'x': flat([X]), 'y': flat([Y]), 'init': [flat([t]) for t in INIT], 'shapes': [list(t.shape) for t in INIT],
    'optim': optim_cases(), 'groups': group_cases(), 'scheduled': scheduled_training(), 'state': state_cases(),
    'schedulers': scheduler_cases(), 'clip': clip_cases(), 'errors': error_cases(),
}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as f:
    json.dump(data, f, separators=(',', ':'))
print('wrote', os.path.normpath(OUT), os.path.getsize(OUT), 'bytes')
