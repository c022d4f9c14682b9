// SPDX-License-Identifier: AGPL-3.0-or-later
#include "mail/mime.h"

#include <fmt/format.h>

namespace vigie::mail {
namespace {

constexpr std::size_t kMaxEncodedLine = 76;  // RFC 2045 §6.7 rule 5
// Raw bytes per RFC 2047 encoded word: 36 bytes = 48 base64 characters, 60 with the
// "=?UTF-8?B?" "?=" wrapping, so a header name of up to 16 characters still fits 78 columns.
constexpr std::size_t kWordBytes = 36;
constexpr std::size_t kFoldAt = 78;

constexpr char kHex[] = "0123456789ABCDEF";
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

unsigned byte_at(std::string_view in, std::size_t i) {
  return static_cast<unsigned>(static_cast<unsigned char>(in[i]));
}

std::string base64(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (byte_at(in, i) << 16U) | (byte_at(in, i + 1) << 8U) | byte_at(in, i + 2);
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += kBase64[v & 63];
  }
  if (i < in.size()) {
    unsigned v = byte_at(in, i) << 16U;
    if (i + 1 < in.size()) {
      v |= byte_at(in, i + 1) << 8U;
    }
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += i + 1 < in.size() ? kBase64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// Control characters (CR and LF included) become spaces: a value can never start a header.
std::string flatten(std::string_view value) {
  std::string out(value);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      c = ' ';
    }
  }
  return out;
}

bool is_plain_ascii(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e) {
      return false;
    }
  }
  // Text that looks like an encoded word would be decoded by readers: encode it instead.
  return s.find("=?") == std::string_view::npos;
}

// Length of the longest prefix of `s` of at most `max` bytes that ends on a UTF-8 boundary.
std::size_t utf8_cut(std::string_view s, std::size_t max) {
  if (s.size() <= max) {
    return s.size();
  }
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) {
    --n;
  }
  return n == 0 ? max : n;
}

// Folds plain ASCII at spaces so lines stay within kFoldAt where the words allow it.
std::string fold_ascii(std::string_view value, std::size_t name_length) {
  std::string out;
  std::size_t column = name_length + 2;
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = value.find(' ', start + 1);
    if (end == std::string_view::npos) {
      end = value.size();
    }
    const auto word = value.substr(start, end - start);  // includes its leading space
    if (column + word.size() > kFoldAt && !out.empty() && word.front() == ' ') {
      out += "\r\n";
      column = 0;
    }
    out += word;
    column += word.size();
    start = end;
  }
  return out;
}

bool needs_quoting(std::string_view name) {
  for (char c : name) {
    if (std::string_view("()<>[]:;@\\,.\"").find(c) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string encode_quoted_printable(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() + utf8.size() / 8);
  std::size_t line_len = 0;
  auto emit = [&](std::string_view piece) {
    // A soft break keeps every encoded line within kMaxEncodedLine, counting the '='.
    if (line_len + piece.size() > kMaxEncodedLine - 1) {
      out += "=\r\n";
      line_len = 0;
    }
    out += piece;
    line_len += piece.size();
  };
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const char c = utf8[i];
    if (c == '\r' && i + 1 < utf8.size() && utf8[i + 1] == '\n') {
      continue;  // the '\n' that follows ends the line
    }
    if (c == '\n') {
      out += "\r\n";
      line_len = 0;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    const bool at_line_end = i + 1 == utf8.size() || utf8[i + 1] == '\n'
                             || (utf8[i + 1] == '\r' && i + 2 < utf8.size() && utf8[i + 2] == '\n');
    // Encoded: '=', non-printables, trailing white space, and a leading '.' or "From " so
    // neither SMTP transparency nor mbox quoting can alter the text.
    const bool encode = c == '=' || u > 0x7e || (u < 0x20 && c != '\t')
                        || ((c == ' ' || c == '\t') && at_line_end) || (line_len == 0 && c == '.')
                        || (line_len == 0 && utf8.substr(i, 5) == "From ");
    if (encode) {
      const char enc[3] = {'=', kHex[u >> 4], kHex[u & 15]};
      emit(std::string_view(enc, 3));
    } else {
      emit(std::string_view(&c, 1));
    }
  }
  return out;
}

std::string encode_header_value(std::string_view utf8, std::size_t name_length) {
  const std::string value = flatten(utf8);
  if (is_plain_ascii(value)) {
    return fold_ascii(value, name_length);
  }
  std::string out;
  std::string_view rest(value);
  while (!rest.empty()) {
    const std::size_t n = utf8_cut(rest, kWordBytes);
    if (!out.empty()) {
      out += "\r\n ";
    }
    out += "=?UTF-8?B?" + base64(rest.substr(0, n)) + "?=";
    rest.remove_prefix(n);
  }
  return out;
}

std::string format_mailbox(const Mailbox& mailbox, std::size_t name_length) {
  const std::string address = flatten(mailbox.address);
  const std::string name = flatten(mailbox.name);
  if (name.empty()) {
    return address;
  }
  if (is_plain_ascii(name)) {
    if (!needs_quoting(name)) {
      return name + " <" + address + ">";
    }
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') {
        quoted += '\\';
      }
      quoted += c;
    }
    return quoted + "\" <" + address + ">";
  }
  return encode_header_value(name, name_length) + "\r\n <" + address + ">";
}

std::string render(const Message& m, std::string_view boundary) {
  std::string out;
  auto header = [&](std::string_view name, std::string_view encoded) {
    out += name;
    out += ": ";
    out += encoded;
    out += "\r\n";
  };
  header("Date", core::format_rfc5322(m.date));
  header("From", format_mailbox(m.from, 4));
  header("To", format_mailbox(m.to, 2));
  header("Subject", encode_header_value(m.subject, 7));
  header("Message-ID", flatten(m.message_id));
  header("MIME-Version", "1.0");
  for (const auto& [name, value] : m.headers) {
    header(flatten(name), encode_header_value(value, name.size()));
  }
  auto part = [&](std::string_view type, std::string_view body) {
    out += "Content-Type: ";
    out += type;
    out += "; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += encode_quoted_printable(body);
    out += "\r\n";
  };
  if (m.html.empty()) {
    part("text/plain", m.text);
    return out;
  }
  out += fmt::format("Content-Type: multipart/alternative; boundary=\"{}\"\r\n\r\n", boundary);
  out += fmt::format("--{}\r\n", boundary);
  part("text/plain", m.text);
  out += fmt::format("--{}\r\n", boundary);
  part("text/html", m.html);
  out += fmt::format("--{}--\r\n", boundary);
  return out;
}

}  // namespace vigie::mail
