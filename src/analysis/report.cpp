#include "analysis/report.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

namespace parley::analysis {

namespace {

std::string html(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default: o += c;
    }
  }
  return o;
}

// A JSON string, safe inside <script>: '<', '>' and '&' are escaped too.
std::string json(const std::string& s) {
  static const char* kHex = "0123456789abcdef";
  std::string o = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += static_cast<char>(c);
    } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
      o += "\\u00";
      o += kHex[c >> 4];
      o += kHex[c & 15];
    } else {
      o += static_cast<char>(c);
    }
  }
  return o + "\"";
}

std::string names(const Corpus& c, const std::vector<std::string>& iris) {
  std::string s;
  for (size_t i = 0; i < iris.size(); ++i) {
    const Entity& e = c.entity(iris[i]);
    if (i) s += ", ";
    s += "<span class=\"actor\" title=\"" + html(e.iri) + (e.qid.empty() ? "" : " (" + e.qid + ")") + "\">" +
         html(e.name()) + "</span>";
  }
  return s;
}

constexpr const char* kStyle = R"CSS(
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 1200px; color: #222; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
.figures { display: flex; gap: 2em; flex-wrap: wrap; margin: 1em 0; }
.figure { background: #f4f6f8; padding: .6em 1em; border-radius: 6px; } .figure b { font-size: 1.5em; display: block; }
svg { background: #fcfcfd; border: 1px solid #ddd; border-radius: 6px; width: 100%; }
.edge.meet { stroke: #5b7fa6; stroke-opacity: .55; } .edge.mediate { stroke: #c0703a; stroke-dasharray: 5 3; stroke-opacity: .8; }
.node circle { fill: #2f6db3; stroke: #fff; stroke-width: 1.5; } .node.mediator circle { fill: #d9822b; }
.node text { font-size: 11px; fill: #222; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.node.dim, .edge.dim { opacity: .12; }
.event.meeting { fill: #2f6db3; } .event.demand { fill: #3a9a5b; } .event.denial { fill: #c23b3b; }
.lane { font-size: 12px; fill: #555; } .axis { stroke: #999; } .tick { font-size: 10px; fill: #666; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 13px; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #f4f6f8; } td.date { white-space: nowrap; }
li.evidence { margin: .4em 0; } li.evidence:target { background: #fff4c2; }
.meta { color: #666; font-size: 12px; } .note { color: #666; }
)CSS";

// Lays out and draws the network and the timeline from the JSON in #parley-data.
constexpr const char* kScript = R"JS(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('parley-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function drawNetwork() {
    var svg = document.getElementById('network-svg');
    var W = 1100, H = 640, n = data.nodes.length;
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    if (!n) { el('text', {x: 20, y: 30, 'class': 'note'}, svg).textContent = 'No meetings in this graph.'; return; }
    var index = {}, i, j, k;
    var pos = data.nodes.map(function (d, i) {
      index[d.id] = i;
      var a = 2 * Math.PI * i / n, r = 0.35 + 0.15 * ((i * 7) % 5) / 4;  // fixed start: same layout every time
      return {x: Math.cos(a) * r, y: Math.sin(a) * r};
    });
    var links = data.edges.map(function (e) { return {a: index[e.a], b: index[e.b], w: e.meetings}; });
    // Force-directed layout (Fruchterman-Reingold) in the unit square, cooling as it goes.
    var K = Math.sqrt(1 / n) * 0.6, t = 0.1;
    for (var it = 0; it < 300; ++it) {
      var disp = pos.map(function () { return {x: 0, y: 0}; });
      for (i = 0; i < n; ++i) for (j = i + 1; j < n; ++j) {
        var dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, d2 = dx * dx + dy * dy + 1e-6;
        var f = K * K / d2;
        disp[i].x += dx * f; disp[i].y += dy * f; disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
      links.forEach(function (l) {
        var dx = pos[l.a].x - pos[l.b].x, dy = pos[l.a].y - pos[l.b].y, d = Math.sqrt(dx * dx + dy * dy) + 1e-6;
        var f = d / K * Math.min(3, 1 + Math.log(l.w));
        disp[l.a].x -= dx * f; disp[l.a].y -= dy * f; disp[l.b].x += dx * f; disp[l.b].y += dy * f;
      });
      for (i = 0; i < n; ++i) {
        disp[i].x -= pos[i].x * 0.05 * n; disp[i].y -= pos[i].y * 0.05 * n;  // gravity keeps parts together
        var len = Math.sqrt(disp[i].x * disp[i].x + disp[i].y * disp[i].y) + 1e-9, step = Math.min(len, t);
        pos[i].x += disp[i].x / len * step; pos[i].y += disp[i].y / len * step;
      }
      t *= 0.985;
    }
    var xs = pos.map(function (p) { return p.x; }), ys = pos.map(function (p) { return p.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    function X(v) { return 40 + (x1 > x0 ? (v - x0) / (x1 - x0) : 0.5) * (W - 240); }  // room for labels
    function Y(v) { return 40 + (y1 > y0 ? (v - y0) / (y1 - y0) : 0.5) * (H - 80); }
    var maxm = Math.max.apply(null, data.nodes.map(function (d) { return d.meetings; }));
    var edges = el('g', {'class': 'edges'}, svg), nodes = el('g', {'class': 'nodes'}, svg);
    data.edges.forEach(function (e) {
      var a = pos[index[e.a]], b = pos[index[e.b]];
      var line = el('line', {'class': 'edge ' + e.kind, x1: X(a.x).toFixed(1), y1: Y(a.y).toFixed(1),
        x2: X(b.x).toFixed(1), y2: Y(b.y).toFixed(1), 'stroke-width': Math.min(8, 1 + Math.log(e.meetings) * 2).toFixed(1),
        'data-a': e.a, 'data-b': e.b, 'data-meetings': e.meetings}, edges);
      el('title', {}, line).textContent = e.labels + ': ' + e.meetings + (e.kind === 'meet' ? ' meeting(s)' : ' mediated meeting(s)');
    });
    data.nodes.forEach(function (d, i) {
      var g = el('g', {'class': 'node' + (d.mediated ? ' mediator' : ''), 'data-iri': d.id, 'data-label': d.label,
        'data-meetings': d.meetings, transform: 'translate(' + X(pos[i].x).toFixed(1) + ',' + Y(pos[i].y).toFixed(1) + ')'}, nodes);
      el('circle', {r: (4 + 14 * Math.sqrt(d.meetings / maxm)).toFixed(1)}, g);
      el('text', {x: 8, y: -8}, g).textContent = d.label.length > 30 ? d.label.slice(0, 29) + '\u2026' : d.label;
      el('title', {}, g).textContent = d.label + (d.qid ? ' (' + d.qid + ')' : '') + '\n' + d.meetings +
        ' meeting(s), mediated ' + d.mediated + '\n' + d.id;
      g.addEventListener('mouseenter', function () { highlight(d.id); });
      g.addEventListener('mouseleave', function () { highlight(null); });
    });
    function highlight(id) {
      var near = {};
      if (id) { near[id] = 1; data.edges.forEach(function (e) { if (e.a === id) near[e.b] = 1; if (e.b === id) near[e.a] = 1; }); }
      nodes.querySelectorAll('.node').forEach(function (g) { g.classList.toggle('dim', !!id && !near[g.getAttribute('data-iri')]); });
      edges.querySelectorAll('.edge').forEach(function (l) {
        l.classList.toggle('dim', !!id && l.getAttribute('data-a') !== id && l.getAttribute('data-b') !== id);
      });
    }
  }
  function drawTimeline() {
    var svg = document.getElementById('timeline-svg');
    var W = 1100, lanes = ['meeting', 'demand', 'denial'], laneH = 50, H = 40 + lanes.length * laneH + 30;
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    var dated = data.events.filter(function (e) { return e.date; });
    lanes.forEach(function (l, i) {
      el('text', {'class': 'lane', x: 8, y: 40 + i * laneH + laneH / 2 + 4}, svg).textContent = l.charAt(0).toUpperCase() + l.slice(1) + 's';
      el('line', {'class': 'axis', x1: 90, x2: W - 20, y1: 40 + (i + 1) * laneH, y2: 40 + (i + 1) * laneH}, svg);
    });
    if (!dated.length) { el('text', {x: 100, y: 24, 'class': 'note'}, svg).textContent = 'No dated events.'; return; }
    var ms = dated.map(function (e) { return Date.parse(e.date); });
    var t0 = Math.min.apply(null, ms), t1 = Math.max.apply(null, ms);
    if (t1 === t0) { t0 -= 864e5 * 15; t1 += 864e5 * 15; }
    function X(t) { return 100 + (t - t0) / (t1 - t0) * (W - 140); }
    for (var k = 0; k <= 6; ++k) {
      var t = t0 + (t1 - t0) * k / 6;
      el('text', {'class': 'tick', x: X(t) - 28, y: H - 8}, svg).textContent = new Date(t).toISOString().slice(0, 10);
    }
    var seen = {};
    dated.forEach(function (e, i) {
      var lane = lanes.indexOf(e.cls), x = X(ms[i]), key = lane + ':' + Math.round(x / 6);
      var stack = seen[key] = (seen[key] || 0) + 1;  // events on one day stack upwards
      var a = el('a', {href: '#' + e.anchor}, svg);
      var c = el('circle', {'class': 'event ' + e.cls, 'data-event': e.id, cx: x.toFixed(1),
        cy: (40 + lane * laneH + laneH - 8 - ((stack - 1) % 6) * 6).toFixed(1), r: 4.5}, a);
      el('title', {}, c).textContent = e.date + ' ' + e.summary;
    });
  }
  drawNetwork();
  drawTimeline();
  document.body.setAttribute('data-drawn', 'true');
})();
)JS";

}  // namespace

void write_report(const Corpus& corpus, const Stats& stats, const ReportOptions& options, std::string& out) {
  const std::vector<Event>& events = corpus.events();
  // Evidence anchors: one per event, in table order.
  std::map<std::string, std::string> anchor;
  for (size_t i = 0; i < events.size(); ++i) anchor[events[i].iri] = "ev-" + std::to_string(i + 1);

  // The network: actors in meetings (as sides or mediators), the most active first.
  struct NodeInfo { size_t meetings = 0, mediated = 0; };
  std::map<std::string, NodeInfo> info;
  std::map<std::pair<std::string, std::string>, size_t> meet, mediate;
  for (const Event& e : events) {
    if (e.cls != EventClass::kMeeting) continue;
    std::set<std::string> in(e.participants.begin(), e.participants.end());
    in.insert(e.mediators.begin(), e.mediators.end());
    for (const std::string& a : in) ++info[a].meetings;
    for (const std::string& m : e.mediators) ++info[m].mediated;
    for (size_t i = 0; i < e.participants.size(); ++i)
      for (size_t j = i + 1; j < e.participants.size(); ++j) ++meet[{e.participants[i], e.participants[j]}];
    for (const std::string& m : e.mediators)
      for (const std::string& p : e.participants)
        if (p != m) ++mediate[{m, p}];
  }
  std::vector<std::string> order;
  for (const auto& [iri, n] : info) order.push_back(iri);
  std::stable_sort(order.begin(), order.end(),
                   [&](const std::string& a, const std::string& b) { return info[a].meetings > info[b].meetings; });
  const size_t shown = options.max_nodes == 0 ? order.size() : std::min(order.size(), options.max_nodes);
  order.resize(shown);
  std::set<std::string> kept(order.begin(), order.end());

  std::string data = "{\"nodes\":[";
  for (size_t i = 0; i < order.size(); ++i) {
    const Entity& e = corpus.entity(order[i]);
    data += std::string(i ? "," : "") + "{\"id\":" + json(e.iri) + ",\"label\":" + json(e.name()) +
            ",\"qid\":" + json(e.qid) + ",\"meetings\":" + std::to_string(info[e.iri].meetings) +
            ",\"mediated\":" + std::to_string(info[e.iri].mediated) + "}";
  }
  data += "],\"edges\":[";
  bool first = true;
  size_t meet_edges = 0, mediate_edges = 0;
  for (const auto* edges : {&meet, &mediate}) {
    const bool is_meet = edges == &meet;
    for (const auto& [k, n] : *edges) {
      if (!kept.count(k.first) || !kept.count(k.second)) continue;
      (is_meet ? meet_edges : mediate_edges)++;
      data += std::string(first ? "" : ",") + "{\"a\":" + json(k.first) + ",\"b\":" + json(k.second) +
              ",\"kind\":\"" + (is_meet ? "meet" : "mediate") + "\",\"meetings\":" + std::to_string(n) +
              ",\"labels\":" + json(corpus.entity(k.first).name() + (is_meet ? " – " : " mediated for ") +
                                    corpus.entity(k.second).name()) + "}";
      first = false;
    }
  }
  data += "],\"events\":[";
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    std::string cls = class_name(e.cls);
    for (char& c : cls) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::vector<std::string> who = e.cls == EventClass::kMeeting ? e.participants : e.agents;
    std::string summary;
    for (size_t k = 0; k < who.size(); ++k) summary += (k ? ", " : "") + corpus.entity(who[k]).name();
    summary += " (" + std::string(class_name(e.cls)) + ")";
    data += std::string(i ? "," : "") + "{\"id\":" + json(e.iri) + ",\"anchor\":\"" + anchor[e.iri] +
            "\",\"cls\":\"" + cls + "\",\"date\":" + json(e.date) + ",\"summary\":" + json(summary) + "}";
  }
  data += "]}";

  const size_t all = stats.events[0] + stats.events[1] + stats.events[2];
  size_t dated = 0;
  for (const Event& e : events) dated += !e.date.empty();
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html(options.title) +
         "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<h1>" + html(options.title) + "</h1>\n";
  out += "<div class=\"figures\" id=\"figures\">";
  auto figure = [&](const std::string& id, size_t v, const std::string& what) {
    out += "<div class=\"figure\" id=\"" + id + "\"><b>" + std::to_string(v) + "</b>" + what + "</div>";
  };
  figure("fig-articles", stats.articles, "articles");
  figure("fig-meetings", stats.events[0], "meetings");
  figure("fig-demands", stats.events[1], "demands");
  figure("fig-denials", stats.events[2], "denials");
  figure("fig-actors", stats.actors, "actors");
  figure("fig-linked", stats.linked_actors, "linked to Wikidata");
  out += "</div>\n";

  out += "<section id=\"network\"><h2>Who met whom, who mediated</h2>\n<p class=\"note\">Blue: sides of a meeting; "
         "orange: mediators (dashed edges to the sides they mediated for). A node's size is the number of meetings "
         "the actor takes part in or mediates, an edge's width the number of meetings the two share. Hover over a "
         "node to show its neighbours. " +
         std::to_string(order.size()) + " of " + std::to_string(info.size()) + " actors shown, " +
         std::to_string(meet_edges) + " meeting edges, " + std::to_string(mediate_edges) +
         " mediation edges.</p>\n<svg id=\"network-svg\" role=\"img\" aria-label=\"network of meetings\"></svg>\n</section>\n";
  out += "<section id=\"timeline\"><h2>Timeline</h2>\n<p class=\"note\">" + std::to_string(dated) + " of " +
         std::to_string(all) +
         " events have a date; each dot links to its evidence.</p>\n<svg id=\"timeline-svg\" role=\"img\" "
         "aria-label=\"timeline of events\"></svg>\n</section>\n";

  // Tables, one per class.
  for (EventClass c : kEventClasses) {
    const bool meeting = c == EventClass::kMeeting;
    std::string title = c == EventClass::kMeeting ? "Meetings" : c == EventClass::kDemand ? "Demands" : "Denials";
    std::string id = title;
    for (char& ch : id) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out += "<section id=\"" + id + "\"><h2>" + title + " (" + std::to_string(stats.events[static_cast<size_t>(c)]) +
           ")</h2>\n<table class=\"events\">\n<tr><th>date</th>";
    out += meeting ? "<th>participants</th><th>mediators</th><th>place</th>"
                   : c == EventClass::kDemand ? "<th>agent</th><th>addressee</th><th>content</th>"
                                              : "<th>agent</th><th>content</th>";
    out += "<th>article</th><th>evidence</th></tr>\n";
    for (const Event& e : events) {
      if (e.cls != c) continue;
      std::string content;
      for (size_t k = 0; k < e.contents.size(); ++k) content += (k ? "; " : "") + html(e.contents[k]);
      out += "<tr class=\"event\" data-event=\"" + html(e.iri) + "\"><td class=\"date\">" + html(e.date) + "</td>";
      if (meeting)
        out += "<td>" + names(corpus, e.participants) + "</td><td>" + names(corpus, e.mediators) + "</td><td>" +
               names(corpus, e.places) + "</td>";
      else if (c == EventClass::kDemand)
        out += "<td>" + names(corpus, e.agents) + "</td><td>" + names(corpus, e.addressees) + "</td><td>" + content + "</td>";
      else
        out += "<td>" + names(corpus, e.agents) + "</td><td>" + content + "</td>";
      out += "<td>" + html(corpus.article_id(e.article)) + "</td><td><a href=\"#" + anchor[e.iri] +
             "\">sentence</a></td></tr>\n";
    }
    out += "</table>\n</section>\n";
  }

  out += "<section id=\"evidence\"><h2>Evidence</h2>\n<ol class=\"evidence\">\n";
  for (const Event& e : events) {
    out += "<li class=\"evidence\" id=\"" + anchor[e.iri] + "\">" + html(e.evidence) + "<br><span class=\"meta\">" +
           class_name(e.cls) + " · " + html(corpus.article_id(e.article)) + " bytes " +
           (e.begin < 0 ? "?" : std::to_string(e.begin)) + "–" + (e.end < 0 ? "?" : std::to_string(e.end)) +
           " · rule " + html(e.rule) + " · <code>" + html(e.iri) + "</code></span></li>\n";
  }
  out += "</ol>\n</section>\n";
  out += "<p class=\"meta\">Written by parley from its own RDF output; the page needs no network.</p>\n";
  out += "<script type=\"application/json\" id=\"parley-data\">" + data + "</script>\n";
  out += std::string("<script>") + kScript + "</script>\n</body>\n</html>\n";
}

}  // namespace parley::analysis
