#include "server/drafting/intent/LinearModel.h"

#include <linear.h>

#include <cstdlib>
#include <mutex>

namespace tandem::server::intent {

namespace {

void silent(const char *) {}

} // namespace

void silenceLiblinear()
{
    static std::once_flag once;
    std::call_once(once, [] { set_print_string_function(&silent); });
}

LinearModel LinearModel::train(const std::vector<SparseVector> &examples, const std::vector<int> &labels,
                               const std::vector<int> &rows, int classes, int dimension,
                               const LinearOptions &options)
{
    silenceLiblinear();

    std::vector<int> selected = rows;
    if (selected.empty()) {
        selected.resize(examples.size());
        for (size_t i = 0; i < examples.size(); ++i)
            selected[i] = int(i);
    }
    size_t nodes = 0;
    for (const int r : selected)
        nodes += examples[size_t(r)].size() + 2;
    // LIBLINEAR wants 1-based indices, the bias as an explicit last feature and a -1 terminator.
    std::vector<feature_node> storage;
    storage.reserve(nodes);
    std::vector<feature_node *> x(selected.size());
    std::vector<double> y(selected.size());
    std::vector<size_t> offsets(selected.size());
    for (size_t i = 0; i < selected.size(); ++i) {
        offsets[i] = storage.size();
        for (const SparseEntry &e : examples[size_t(selected[i])])
            storage.push_back({e.index + 1, double(e.value)});
        storage.push_back({dimension + 1, options.bias});
        storage.push_back({-1, 0.0});
        y[i] = labels[size_t(selected[i])];
    }
    for (size_t i = 0; i < selected.size(); ++i)
        x[i] = storage.data() + offsets[i];

    problem prob{};
    prob.l = int(selected.size());
    prob.n = dimension + 1;
    prob.y = y.data();
    prob.x = x.data();
    prob.bias = options.bias;
    parameter param{};
    param.solver_type = options.solver;
    param.eps = options.eps;
    param.C = options.C;
    param.p = 0.1;
    if (check_parameter(&prob, &param) != nullptr)
        return {};
    // LIBLINEAR's solvers shuffle with rand(): start every training from the same state, so the
    // same examples give the same model whatever was trained before in this process.
    std::srand(1);
    model *trained = ::train(&prob, &param);
    if (!trained)
        return {};

    LinearModel result;
    result.m_classes = classes;
    result.m_dimension = dimension;
    result.m_bias = float(options.bias);
    result.m_weights.assign(size_t(dimension + 1) * size_t(classes), 0.0f);
    const int trainedClasses = get_nr_class(trained);
    std::vector<int> order(static_cast<size_t>(trainedClasses));
    get_labels(trained, order.data());
    if (trainedClasses < 2) {
        // Only one intent among these examples (tiny data): it always wins, through the bias.
        if (trainedClasses == 1)
            result.m_weights[size_t(dimension) * size_t(classes) + size_t(order[0])] = 1.0f;
        free_and_destroy_model(&trained);
        return result;
    }
    // Binary problems keep one weight column: +w for the first label, -w for the second.
    const int columns = (trainedClasses == 2 && options.solver != MCSVM_CS) ? 1 : trainedClasses;
    for (int f = 0; f <= dimension; ++f) {
        for (int c = 0; c < columns; ++c) {
            const float w = float(trained->w[size_t(f) * size_t(columns) + size_t(c)]);
            float *row = &result.m_weights[size_t(f) * size_t(classes)];
            row[order[size_t(c)]] = w;
            if (columns == 1)
                row[order[1]] = -w;
        }
    }
    free_and_destroy_model(&trained);
    return result;
}

void LinearModel::scores(const SparseVector &x, std::vector<double> *out) const
{
    const size_t k = size_t(m_classes);
    out->assign(k, 0.0);
    double *s = out->data();
    const float *bias = &m_weights[size_t(m_dimension) * k];
    for (size_t c = 0; c < k; ++c)
        s[c] = double(bias[c]) * m_bias;
    for (const SparseEntry &e : x) {
        if (e.index < 0 || e.index >= m_dimension)
            continue;
        const float *row = &m_weights[size_t(e.index) * k];
        for (size_t c = 0; c < k; ++c)
            s[c] += double(row[c]) * e.value;
    }
}

void LinearModel::write(QDataStream &out) const
{
    out << qint32(m_classes) << qint32(m_dimension) << m_bias << quint64(m_weights.size());
    for (const float w : m_weights)
        out << w;
}

bool LinearModel::read(QDataStream &in)
{
    qint32 classes = 0;
    qint32 dimension = 0;
    quint64 size = 0;
    in >> classes >> dimension >> m_bias >> size;
    if (in.status() != QDataStream::Ok || classes <= 0 || dimension < 0 ||
        size != quint64(dimension + 1) * quint64(classes) || size > (quint64(1) << 31))
        return false;
    m_classes = classes;
    m_dimension = dimension;
    m_weights.resize(size_t(size));
    for (float &w : m_weights)
        in >> w;
    return in.status() == QDataStream::Ok;
}

} // namespace tandem::server::intent
