/* eslint-disable */
// @ts-nocheck
// Written by scripts/build-mock-validators.ts from the mock specs (sha256 9048686313a2fb06);
// never edit by hand. Regenerate: npx tsx scripts/build-mock-validators.ts
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) =>
  function __require() {
    try {
      return (mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports);
    } catch (e) {
      throw ((mod = 0), e);
    }
  };
var __export = (target, all) => {
  for (var name in all) __defProp(target, name, { get: all[name], enumerable: true });
};

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  'node_modules/ajv/dist/runtime/ucs2length.js'(exports) {
    'use strict';
    Object.defineProperty(exports, '__esModule', { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320) pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  },
});

// node_modules/.cache/mock-validators/partoo-params.mjs
var partoo_params_exports = {};
__export(partoo_params_exports, {
  checkDuplicatedReviewInvitation: () => checkDuplicatedReviewInvitation,
  getReviewBoosterExpeditorName: () => getReviewBoosterExpeditorName,
  getReviewBoosterTemplate: () => getReviewBoosterTemplate,
  getReviewInvitationStatus: () => getReviewInvitationStatus,
  sendReviewInvitation: () => sendReviewInvitation,
  setReviewBoosterExpeditorName: () => setReviewBoosterExpeditorName,
  updateReviewBoosterTemplate: () => updateReviewBoosterTemplate,
});
var getReviewBoosterExpeditorName = validate20;
function validate20(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.business_id === void 0) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'business_id' },
            message: "must have required property 'business_id'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data0.business_id !== void 0) {
          let data1 = data0.business_id;
          if (typeof data1 !== 'string') {
            let dataType0 = typeof data1;
            let coerced0 = void 0;
            if (dataType0 == 'object' && Array.isArray(data1) && data1.length == 1) {
              data1 = data1[0];
              dataType0 = typeof data1;
              if (typeof data1 === 'string') {
                coerced0 = data1;
              }
            }
            if (!(coerced0 !== void 0)) {
              if (dataType0 == 'number' || dataType0 == 'boolean') {
                coerced0 = '' + data1;
              } else if (data1 === null) {
                coerced0 = '';
              } else {
                const err1 = {
                  instancePath: instancePath + '/path/business_id',
                  schemaPath: '#/properties/path/properties/business_id/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
            if (coerced0 !== void 0) {
              data1 = coerced0;
              if (data0 !== void 0) {
                data0['business_id'] = coerced0;
              }
            }
          }
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data2 = data.query;
      if (!(data2 && typeof data2 == 'object' && !Array.isArray(data2))) {
        const err3 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };
var setReviewBoosterExpeditorName = validate21;
function validate21(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.business_id === void 0) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'business_id' },
            message: "must have required property 'business_id'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data0.business_id !== void 0) {
          let data1 = data0.business_id;
          if (typeof data1 !== 'string') {
            let dataType0 = typeof data1;
            let coerced0 = void 0;
            if (dataType0 == 'object' && Array.isArray(data1) && data1.length == 1) {
              data1 = data1[0];
              dataType0 = typeof data1;
              if (typeof data1 === 'string') {
                coerced0 = data1;
              }
            }
            if (!(coerced0 !== void 0)) {
              if (dataType0 == 'number' || dataType0 == 'boolean') {
                coerced0 = '' + data1;
              } else if (data1 === null) {
                coerced0 = '';
              } else {
                const err1 = {
                  instancePath: instancePath + '/path/business_id',
                  schemaPath: '#/properties/path/properties/business_id/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
            if (coerced0 !== void 0) {
              data1 = coerced0;
              if (data0 !== void 0) {
                data0['business_id'] = coerced0;
              }
            }
          }
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data2 = data.query;
      if (!(data2 && typeof data2 == 'object' && !Array.isArray(data2))) {
        const err3 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };
var getReviewInvitationStatus = validate22;
function validate22(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate22.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (!(data0 && typeof data0 == 'object' && !Array.isArray(data0))) {
        const err0 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data1 = data.query;
      if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
        if (data1.invitation_id !== void 0) {
          let data2 = data1.invitation_id;
          if (typeof data2 !== 'string') {
            let dataType0 = typeof data2;
            let coerced0 = void 0;
            if (dataType0 == 'object' && Array.isArray(data2) && data2.length == 1) {
              data2 = data2[0];
              dataType0 = typeof data2;
              if (typeof data2 === 'string') {
                coerced0 = data2;
              }
            }
            if (!(coerced0 !== void 0)) {
              if (dataType0 == 'number' || dataType0 == 'boolean') {
                coerced0 = '' + data2;
              } else if (data2 === null) {
                coerced0 = '';
              } else {
                const err1 = {
                  instancePath: instancePath + '/query/invitation_id',
                  schemaPath: '#/properties/query/properties/invitation_id/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
            if (coerced0 !== void 0) {
              data2 = coerced0;
              if (data1 !== void 0) {
                data1['invitation_id'] = coerced0;
              }
            }
          }
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
}
validate22.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };
var checkDuplicatedReviewInvitation = validate23;
function validate23(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate23.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (!(data0 && typeof data0 == 'object' && !Array.isArray(data0))) {
        const err0 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data1 = data.query;
      if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
        if (data1.business_id === void 0) {
          const err1 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/required',
            keyword: 'required',
            params: { missingProperty: 'business_id' },
            message: "must have required property 'business_id'",
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data1.target_phone === void 0) {
          const err2 = {
            instancePath: instancePath + '/query',
            schemaPath: '#/properties/query/required',
            keyword: 'required',
            params: { missingProperty: 'target_phone' },
            message: "must have required property 'target_phone'",
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data1.business_id !== void 0) {
          let data2 = data1.business_id;
          if (typeof data2 !== 'string') {
            let dataType0 = typeof data2;
            let coerced0 = void 0;
            if (dataType0 == 'object' && Array.isArray(data2) && data2.length == 1) {
              data2 = data2[0];
              dataType0 = typeof data2;
              if (typeof data2 === 'string') {
                coerced0 = data2;
              }
            }
            if (!(coerced0 !== void 0)) {
              if (dataType0 == 'number' || dataType0 == 'boolean') {
                coerced0 = '' + data2;
              } else if (data2 === null) {
                coerced0 = '';
              } else {
                const err3 = {
                  instancePath: instancePath + '/query/business_id',
                  schemaPath: '#/properties/query/properties/business_id/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
            if (coerced0 !== void 0) {
              data2 = coerced0;
              if (data1 !== void 0) {
                data1['business_id'] = coerced0;
              }
            }
          }
        }
        if (data1.target_phone !== void 0) {
          let data3 = data1.target_phone;
          if (typeof data3 !== 'string') {
            let dataType1 = typeof data3;
            let coerced1 = void 0;
            if (dataType1 == 'object' && Array.isArray(data3) && data3.length == 1) {
              data3 = data3[0];
              dataType1 = typeof data3;
              if (typeof data3 === 'string') {
                coerced1 = data3;
              }
            }
            if (!(coerced1 !== void 0)) {
              if (dataType1 == 'number' || dataType1 == 'boolean') {
                coerced1 = '' + data3;
              } else if (data3 === null) {
                coerced1 = '';
              } else {
                const err4 = {
                  instancePath: instancePath + '/query/target_phone',
                  schemaPath: '#/properties/query/properties/target_phone/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
              }
            }
            if (coerced1 !== void 0) {
              data3 = coerced1;
              if (data1 !== void 0) {
                data1['target_phone'] = coerced1;
              }
            }
          }
        }
        if (data1.after !== void 0) {
          let data4 = data1.after;
          if (!(typeof data4 == 'number')) {
            let dataType2 = typeof data4;
            let coerced2 = void 0;
            if (dataType2 == 'object' && Array.isArray(data4) && data4.length == 1) {
              data4 = data4[0];
              dataType2 = typeof data4;
              if (typeof data4 == 'number') {
                coerced2 = data4;
              }
            }
            if (!(coerced2 !== void 0)) {
              if (dataType2 == 'boolean' || data4 === null || (dataType2 == 'string' && data4 && data4 == +data4)) {
                coerced2 = +data4;
              } else {
                const err5 = {
                  instancePath: instancePath + '/query/after',
                  schemaPath: '#/properties/query/properties/after/type',
                  keyword: 'type',
                  params: { type: 'number' },
                  message: 'must be number',
                };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
            if (coerced2 !== void 0) {
              data4 = coerced2;
              if (data1 !== void 0) {
                data1['after'] = coerced2;
              }
            }
          }
        }
      } else {
        const err6 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
  } else {
    const err7 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate23.errors = vErrors;
  return errors === 0;
}
validate23.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };
var sendReviewInvitation = validate24;
function validate24(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate24.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (!(data0 && typeof data0 == 'object' && !Array.isArray(data0))) {
        const err0 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data1 = data.query;
      if (!(data1 && typeof data1 == 'object' && !Array.isArray(data1))) {
        const err1 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
  } else {
    const err2 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
validate24.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };
var getReviewBoosterTemplate = validate25;
function validate25(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate25.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (!(data0 && typeof data0 == 'object' && !Array.isArray(data0))) {
        const err0 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data1 = data.query;
      if (!(data1 && typeof data1 == 'object' && !Array.isArray(data1))) {
        const err1 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
  } else {
    const err2 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
validate25.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };
var updateReviewBoosterTemplate = validate26;
function validate26(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate26.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (!(data0 && typeof data0 == 'object' && !Array.isArray(data0))) {
        const err0 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data1 = data.query;
      if (!(data1 && typeof data1 == 'object' && !Array.isArray(data1))) {
        const err1 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
  } else {
    const err2 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate26.errors = vErrors;
  return errors === 0;
}
validate26.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };

// node_modules/.cache/mock-validators/partoo-bodies.mjs
var partoo_bodies_exports = {};
__export(partoo_bodies_exports, {
  checkDuplicatedReviewInvitation: () => checkDuplicatedReviewInvitation2,
  getReviewBoosterExpeditorName: () => getReviewBoosterExpeditorName2,
  getReviewBoosterTemplate: () => getReviewBoosterTemplate2,
  getReviewInvitationStatus: () => getReviewInvitationStatus2,
  sendReviewInvitation: () => sendReviewInvitation2,
  setReviewBoosterExpeditorName: () => setReviewBoosterExpeditorName2,
  updateReviewBoosterTemplate: () => updateReviewBoosterTemplate2,
});
var getReviewBoosterExpeditorName2 = validate202;
function validate202(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate202.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!(data && typeof data == 'object' && !Array.isArray(data))) {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate202.errors = vErrors;
  return errors === 0;
}
validate202.evaluated = { dynamicProps: false, dynamicItems: false };
var setReviewBoosterExpeditorName2 = validate212;
var func1 = require_ucs2length().default;
var pattern4 = new RegExp('^[A-Za-z0-9 ]+$', 'u');
function validate212(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate212.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.body === void 0) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'body' },
        message: "must have required property 'body'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.body !== void 0) {
      let data0 = data.body;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.expeditor_name === void 0) {
          const err1 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/required',
            keyword: 'required',
            params: { missingProperty: 'expeditor_name' },
            message: "must have required property 'expeditor_name'",
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data0.expeditor_name !== void 0) {
          let data1 = data0.expeditor_name;
          if (typeof data1 === 'string') {
            if (func1(data1) > 11) {
              const err2 = {
                instancePath: instancePath + '/body/expeditor_name',
                schemaPath: '#/properties/body/properties/expeditor_name/maxLength',
                keyword: 'maxLength',
                params: { limit: 11 },
                message: 'must NOT have more than 11 characters',
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (func1(data1) < 3) {
              const err3 = {
                instancePath: instancePath + '/body/expeditor_name',
                schemaPath: '#/properties/body/properties/expeditor_name/minLength',
                keyword: 'minLength',
                params: { limit: 3 },
                message: 'must NOT have fewer than 3 characters',
              };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
            if (!pattern4.test(data1)) {
              const err4 = {
                instancePath: instancePath + '/body/expeditor_name',
                schemaPath: '#/properties/body/properties/expeditor_name/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z0-9 ]+$' },
                message: 'must match pattern "^[A-Za-z0-9 ]+$"',
              };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          } else {
            const err5 = {
              instancePath: instancePath + '/body/expeditor_name',
              schemaPath: '#/properties/body/properties/expeditor_name/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
      } else {
        const err6 = {
          instancePath: instancePath + '/body',
          schemaPath: '#/properties/body/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
  } else {
    const err7 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate212.errors = vErrors;
  return errors === 0;
}
validate212.evaluated = { props: { body: true }, dynamicProps: false, dynamicItems: false };
var getReviewInvitationStatus2 = validate222;
function validate222(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate222.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!(data && typeof data == 'object' && !Array.isArray(data))) {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate222.errors = vErrors;
  return errors === 0;
}
validate222.evaluated = { dynamicProps: false, dynamicItems: false };
var checkDuplicatedReviewInvitation2 = validate232;
function validate232(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate232.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!(data && typeof data == 'object' && !Array.isArray(data))) {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate232.errors = vErrors;
  return errors === 0;
}
validate232.evaluated = { dynamicProps: false, dynamicItems: false };
var sendReviewInvitation2 = validate242;
var schema35 = {
  type: 'object',
  properties: {
    body: {
      type: 'object',
      required: ['business_id', 'target_phone'],
      properties: {
        business_id: { description: 'Business id', type: 'string' },
        target_phone: {
          type: 'string',
          description: 'Customer phone number, with the country calling code. Eg: +33601020304',
        },
        target_name: { type: 'string', description: 'Customer fullname', maxLength: 255 },
        template_id: { type: 'integer', description: 'Id of the SMS template you want to use', deprecated: true },
        invite_content: {
          type: 'string',
          description:
            'To customize SMS content instead of using the SMS template associated with the user. Cannot be used in combination with template_id. @link must be included in your payload (corresponds to the dynamic link that will allow the SMS recipient to leave a review on the business). Max 286 characters (unicode characters are not accepted - will be removed)',
        },
        force: {
          type: 'string',
          description: 'To force invitation sending when a SMS has already been sent to the customer',
          enum: ['True', 'False'],
          default: 'False',
        },
      },
    },
  },
  required: ['body'],
};
function validate242(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate242.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.body === void 0) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'body' },
        message: "must have required property 'body'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.body !== void 0) {
      let data0 = data.body;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.business_id === void 0) {
          const err1 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/required',
            keyword: 'required',
            params: { missingProperty: 'business_id' },
            message: "must have required property 'business_id'",
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data0.target_phone === void 0) {
          const err2 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/required',
            keyword: 'required',
            params: { missingProperty: 'target_phone' },
            message: "must have required property 'target_phone'",
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0.business_id !== void 0) {
          if (typeof data0.business_id !== 'string') {
            const err3 = {
              instancePath: instancePath + '/body/business_id',
              schemaPath: '#/properties/body/properties/business_id/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        if (data0.target_phone !== void 0) {
          if (typeof data0.target_phone !== 'string') {
            const err4 = {
              instancePath: instancePath + '/body/target_phone',
              schemaPath: '#/properties/body/properties/target_phone/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data0.target_name !== void 0) {
          let data3 = data0.target_name;
          if (typeof data3 === 'string') {
            if (func1(data3) > 255) {
              const err5 = {
                instancePath: instancePath + '/body/target_name',
                schemaPath: '#/properties/body/properties/target_name/maxLength',
                keyword: 'maxLength',
                params: { limit: 255 },
                message: 'must NOT have more than 255 characters',
              };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = {
              instancePath: instancePath + '/body/target_name',
              schemaPath: '#/properties/body/properties/target_name/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data0.template_id !== void 0) {
          let data4 = data0.template_id;
          if (!(typeof data4 == 'number' && !(data4 % 1) && !isNaN(data4))) {
            const err7 = {
              instancePath: instancePath + '/body/template_id',
              schemaPath: '#/properties/body/properties/template_id/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data0.invite_content !== void 0) {
          if (typeof data0.invite_content !== 'string') {
            const err8 = {
              instancePath: instancePath + '/body/invite_content',
              schemaPath: '#/properties/body/properties/invite_content/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data0.force !== void 0) {
          let data6 = data0.force;
          if (typeof data6 !== 'string') {
            const err9 = {
              instancePath: instancePath + '/body/force',
              schemaPath: '#/properties/body/properties/force/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
          if (!(data6 === 'True' || data6 === 'False')) {
            const err10 = {
              instancePath: instancePath + '/body/force',
              schemaPath: '#/properties/body/properties/force/enum',
              keyword: 'enum',
              params: { allowedValues: schema35.properties.body.properties.force.enum },
              message: 'must be equal to one of the allowed values',
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = {
          instancePath: instancePath + '/body',
          schemaPath: '#/properties/body/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
  } else {
    const err12 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err12];
    } else {
      vErrors.push(err12);
    }
    errors++;
  }
  validate242.errors = vErrors;
  return errors === 0;
}
validate242.evaluated = { props: { body: true }, dynamicProps: false, dynamicItems: false };
var getReviewBoosterTemplate2 = validate252;
function validate252(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate252.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!(data && typeof data == 'object' && !Array.isArray(data))) {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate252.errors = vErrors;
  return errors === 0;
}
validate252.evaluated = { dynamicProps: false, dynamicItems: false };
var updateReviewBoosterTemplate2 = validate262;
function validate262(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate262.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.body === void 0) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'body' },
        message: "must have required property 'body'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.body !== void 0) {
      let data0 = data.body;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.text === void 0) {
          const err1 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/required',
            keyword: 'required',
            params: { missingProperty: 'text' },
            message: "must have required property 'text'",
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data0.text !== void 0) {
          let data1 = data0.text;
          if (typeof data1 === 'string') {
            if (func1(data1) > 250) {
              const err2 = {
                instancePath: instancePath + '/body/text',
                schemaPath: '#/properties/body/properties/text/maxLength',
                keyword: 'maxLength',
                params: { limit: 250 },
                message: 'must NOT have more than 250 characters',
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
          } else {
            const err3 = {
              instancePath: instancePath + '/body/text',
              schemaPath: '#/properties/body/properties/text/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/body',
          schemaPath: '#/properties/body/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate262.errors = vErrors;
  return errors === 0;
}
validate262.evaluated = { props: { body: true }, dynamicProps: false, dynamicItems: false };

// node_modules/.cache/mock-validators/argyle-params.mjs
var argyle_params_exports = {};
__export(argyle_params_exports, {
  getInvite: () => getInvite,
  listInvites: () => listInvites,
  resendInvite: () => resendInvite,
  revokeInvite: () => revokeInvite,
  sendInvite: () => sendInvite,
});
var listInvites = validate203;
var schema31 = {
  type: 'object',
  properties: {
    path: { type: 'object', properties: {}, required: [] },
    query: {
      type: 'object',
      properties: {
        status: {
          type: 'array',
          items: {
            type: 'string',
            description:
              "The values Argyle documents today. Argyle's API overview says responses may gain new values; the SDK passes an unlisted one through unchanged.",
            enum: ['sent', 'initiated', 'attempted', 'completed', 'revoked'],
          },
        },
        reply_to: { type: 'string', format: 'email' },
        limit: { type: 'integer', minimum: 1, maximum: 200, default: 10 },
        cursor: { type: 'string' },
      },
      required: [],
    },
  },
};
var formats0 =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
function validate203(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate203.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (!(data0 && typeof data0 == 'object' && !Array.isArray(data0))) {
        const err0 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data1 = data.query;
      if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
        if (data1.status !== void 0) {
          let data2 = data1.status;
          if (!Array.isArray(data2)) {
            let dataType0 = typeof data2;
            let coerced0 = void 0;
            if (dataType0 == 'object' && Array.isArray(data2) && data2.length == 1) {
              data2 = data2[0];
              dataType0 = typeof data2;
              if (Array.isArray(data2)) {
                coerced0 = data2;
              }
            }
            if (!(coerced0 !== void 0)) {
              if (dataType0 === 'string' || dataType0 === 'number' || dataType0 === 'boolean' || data2 === null) {
                coerced0 = [data2];
              } else {
                const err1 = {
                  instancePath: instancePath + '/query/status',
                  schemaPath: '#/properties/query/properties/status/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
            if (coerced0 !== void 0) {
              data2 = coerced0;
              if (data1 !== void 0) {
                data1['status'] = coerced0;
              }
            }
          }
          if (Array.isArray(data2)) {
            const len0 = data2.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data3 = data2[i0];
              if (typeof data3 !== 'string') {
                let dataType1 = typeof data3;
                let coerced1 = void 0;
                if (dataType1 == 'object' && Array.isArray(data3) && data3.length == 1) {
                  data3 = data3[0];
                  dataType1 = typeof data3;
                  if (typeof data3 === 'string') {
                    coerced1 = data3;
                  }
                }
                if (!(coerced1 !== void 0)) {
                  if (dataType1 == 'number' || dataType1 == 'boolean') {
                    coerced1 = '' + data3;
                  } else if (data3 === null) {
                    coerced1 = '';
                  } else {
                    const err2 = {
                      instancePath: instancePath + '/query/status/' + i0,
                      schemaPath: '#/properties/query/properties/status/items/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err2];
                    } else {
                      vErrors.push(err2);
                    }
                    errors++;
                  }
                }
                if (coerced1 !== void 0) {
                  data3 = coerced1;
                  if (data2 !== void 0) {
                    data2[i0] = coerced1;
                  }
                }
              }
              if (!(
                data3 === 'sent' ||
                data3 === 'initiated' ||
                data3 === 'attempted' ||
                data3 === 'completed' ||
                data3 === 'revoked'
              )) {
                const err3 = {
                  instancePath: instancePath + '/query/status/' + i0,
                  schemaPath: '#/properties/query/properties/status/items/enum',
                  keyword: 'enum',
                  params: { allowedValues: schema31.properties.query.properties.status.items.enum },
                  message: 'must be equal to one of the allowed values',
                };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
          }
        }
        if (data1.reply_to !== void 0) {
          let data4 = data1.reply_to;
          if (typeof data4 !== 'string') {
            let dataType2 = typeof data4;
            let coerced2 = void 0;
            if (dataType2 == 'object' && Array.isArray(data4) && data4.length == 1) {
              data4 = data4[0];
              dataType2 = typeof data4;
              if (typeof data4 === 'string') {
                coerced2 = data4;
              }
            }
            if (!(coerced2 !== void 0)) {
              if (dataType2 == 'number' || dataType2 == 'boolean') {
                coerced2 = '' + data4;
              } else if (data4 === null) {
                coerced2 = '';
              } else {
                const err4 = {
                  instancePath: instancePath + '/query/reply_to',
                  schemaPath: '#/properties/query/properties/reply_to/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
              }
            }
            if (coerced2 !== void 0) {
              data4 = coerced2;
              if (data1 !== void 0) {
                data1['reply_to'] = coerced2;
              }
            }
          }
          if (typeof data4 === 'string') {
            if (!formats0.test(data4)) {
              const err5 = {
                instancePath: instancePath + '/query/reply_to',
                schemaPath: '#/properties/query/properties/reply_to/format',
                keyword: 'format',
                params: { format: 'email' },
                message: 'must match format "email"',
              };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          }
        }
        if (data1.limit !== void 0) {
          let data5 = data1.limit;
          if (!(typeof data5 == 'number' && !(data5 % 1) && !isNaN(data5))) {
            let dataType3 = typeof data5;
            let coerced3 = void 0;
            if (dataType3 == 'object' && Array.isArray(data5) && data5.length == 1) {
              data5 = data5[0];
              dataType3 = typeof data5;
              if (typeof data5 == 'number' && !(data5 % 1) && !isNaN(data5)) {
                coerced3 = data5;
              }
            }
            if (!(coerced3 !== void 0)) {
              if (
                dataType3 === 'boolean' ||
                data5 === null ||
                (dataType3 === 'string' && data5 && data5 == +data5 && !(data5 % 1))
              ) {
                coerced3 = +data5;
              } else {
                const err6 = {
                  instancePath: instancePath + '/query/limit',
                  schemaPath: '#/properties/query/properties/limit/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors++;
              }
            }
            if (coerced3 !== void 0) {
              data5 = coerced3;
              if (data1 !== void 0) {
                data1['limit'] = coerced3;
              }
            }
          }
          if (typeof data5 == 'number') {
            if (data5 > 200 || isNaN(data5)) {
              const err7 = {
                instancePath: instancePath + '/query/limit',
                schemaPath: '#/properties/query/properties/limit/maximum',
                keyword: 'maximum',
                params: { comparison: '<=', limit: 200 },
                message: 'must be <= 200',
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            if (data5 < 1 || isNaN(data5)) {
              const err8 = {
                instancePath: instancePath + '/query/limit',
                schemaPath: '#/properties/query/properties/limit/minimum',
                keyword: 'minimum',
                params: { comparison: '>=', limit: 1 },
                message: 'must be >= 1',
              };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          }
        }
        if (data1.cursor !== void 0) {
          let data6 = data1.cursor;
          if (typeof data6 !== 'string') {
            let dataType4 = typeof data6;
            let coerced4 = void 0;
            if (dataType4 == 'object' && Array.isArray(data6) && data6.length == 1) {
              data6 = data6[0];
              dataType4 = typeof data6;
              if (typeof data6 === 'string') {
                coerced4 = data6;
              }
            }
            if (!(coerced4 !== void 0)) {
              if (dataType4 == 'number' || dataType4 == 'boolean') {
                coerced4 = '' + data6;
              } else if (data6 === null) {
                coerced4 = '';
              } else {
                const err9 = {
                  instancePath: instancePath + '/query/cursor',
                  schemaPath: '#/properties/query/properties/cursor/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
            if (coerced4 !== void 0) {
              data6 = coerced4;
              if (data1 !== void 0) {
                data1['cursor'] = coerced4;
              }
            }
          }
        }
      } else {
        const err10 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
  } else {
    const err11 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  validate203.errors = vErrors;
  return errors === 0;
}
validate203.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };
var sendInvite = validate213;
function validate213(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate213.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (!(data0 && typeof data0 == 'object' && !Array.isArray(data0))) {
        const err0 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data1 = data.query;
      if (!(data1 && typeof data1 == 'object' && !Array.isArray(data1))) {
        const err1 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
  } else {
    const err2 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate213.errors = vErrors;
  return errors === 0;
}
validate213.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };
var getInvite = validate223;
var formats2 = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
function validate223(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate223.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.id === void 0) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'id' },
            message: "must have required property 'id'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data0.id !== void 0) {
          let data1 = data0.id;
          if (typeof data1 !== 'string') {
            let dataType0 = typeof data1;
            let coerced0 = void 0;
            if (dataType0 == 'object' && Array.isArray(data1) && data1.length == 1) {
              data1 = data1[0];
              dataType0 = typeof data1;
              if (typeof data1 === 'string') {
                coerced0 = data1;
              }
            }
            if (!(coerced0 !== void 0)) {
              if (dataType0 == 'number' || dataType0 == 'boolean') {
                coerced0 = '' + data1;
              } else if (data1 === null) {
                coerced0 = '';
              } else {
                const err1 = {
                  instancePath: instancePath + '/path/id',
                  schemaPath: '#/properties/path/properties/id/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
            if (coerced0 !== void 0) {
              data1 = coerced0;
              if (data0 !== void 0) {
                data0['id'] = coerced0;
              }
            }
          }
          if (typeof data1 === 'string') {
            if (!formats2.test(data1)) {
              const err2 = {
                instancePath: instancePath + '/path/id',
                schemaPath: '#/properties/path/properties/id/format',
                keyword: 'format',
                params: { format: 'uuid' },
                message: 'must match format "uuid"',
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
          }
        }
      } else {
        const err3 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data2 = data.query;
      if (!(data2 && typeof data2 == 'object' && !Array.isArray(data2))) {
        const err4 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate223.errors = vErrors;
  return errors === 0;
}
validate223.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };
var resendInvite = validate233;
function validate233(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate233.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.id === void 0) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'id' },
            message: "must have required property 'id'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data0.id !== void 0) {
          let data1 = data0.id;
          if (typeof data1 !== 'string') {
            let dataType0 = typeof data1;
            let coerced0 = void 0;
            if (dataType0 == 'object' && Array.isArray(data1) && data1.length == 1) {
              data1 = data1[0];
              dataType0 = typeof data1;
              if (typeof data1 === 'string') {
                coerced0 = data1;
              }
            }
            if (!(coerced0 !== void 0)) {
              if (dataType0 == 'number' || dataType0 == 'boolean') {
                coerced0 = '' + data1;
              } else if (data1 === null) {
                coerced0 = '';
              } else {
                const err1 = {
                  instancePath: instancePath + '/path/id',
                  schemaPath: '#/properties/path/properties/id/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
            if (coerced0 !== void 0) {
              data1 = coerced0;
              if (data0 !== void 0) {
                data0['id'] = coerced0;
              }
            }
          }
          if (typeof data1 === 'string') {
            if (!formats2.test(data1)) {
              const err2 = {
                instancePath: instancePath + '/path/id',
                schemaPath: '#/properties/path/properties/id/format',
                keyword: 'format',
                params: { format: 'uuid' },
                message: 'must match format "uuid"',
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
          }
        }
      } else {
        const err3 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data2 = data.query;
      if (!(data2 && typeof data2 == 'object' && !Array.isArray(data2))) {
        const err4 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate233.errors = vErrors;
  return errors === 0;
}
validate233.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };
var revokeInvite = validate243;
function validate243(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate243.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path !== void 0) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.id === void 0) {
          const err0 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'id' },
            message: "must have required property 'id'",
          };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data0.id !== void 0) {
          let data1 = data0.id;
          if (typeof data1 !== 'string') {
            let dataType0 = typeof data1;
            let coerced0 = void 0;
            if (dataType0 == 'object' && Array.isArray(data1) && data1.length == 1) {
              data1 = data1[0];
              dataType0 = typeof data1;
              if (typeof data1 === 'string') {
                coerced0 = data1;
              }
            }
            if (!(coerced0 !== void 0)) {
              if (dataType0 == 'number' || dataType0 == 'boolean') {
                coerced0 = '' + data1;
              } else if (data1 === null) {
                coerced0 = '';
              } else {
                const err1 = {
                  instancePath: instancePath + '/path/id',
                  schemaPath: '#/properties/path/properties/id/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
            if (coerced0 !== void 0) {
              data1 = coerced0;
              if (data0 !== void 0) {
                data0['id'] = coerced0;
              }
            }
          }
          if (typeof data1 === 'string') {
            if (!formats2.test(data1)) {
              const err2 = {
                instancePath: instancePath + '/path/id',
                schemaPath: '#/properties/path/properties/id/format',
                keyword: 'format',
                params: { format: 'uuid' },
                message: 'must match format "uuid"',
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
          }
        }
      } else {
        const err3 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.query !== void 0) {
      let data2 = data.query;
      if (!(data2 && typeof data2 == 'object' && !Array.isArray(data2))) {
        const err4 = {
          instancePath: instancePath + '/query',
          schemaPath: '#/properties/query/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate243.errors = vErrors;
  return errors === 0;
}
validate243.evaluated = { props: { path: true, query: true }, dynamicProps: false, dynamicItems: false };

// node_modules/.cache/mock-validators/argyle-bodies.mjs
var argyle_bodies_exports = {};
__export(argyle_bodies_exports, {
  getInvite: () => getInvite2,
  listInvites: () => listInvites2,
  resendInvite: () => resendInvite2,
  revokeInvite: () => revokeInvite2,
  sendInvite: () => sendInvite2,
});
var listInvites2 = validate204;
function validate204(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate204.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!(data && typeof data == 'object' && !Array.isArray(data))) {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate204.errors = vErrors;
  return errors === 0;
}
validate204.evaluated = { dynamicProps: false, dynamicItems: false };
var sendInvite2 = validate214;
var func12 = require_ucs2length().default;
var formats02 =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
function validate214(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate214.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.body === void 0) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'body' },
        message: "must have required property 'body'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.body !== void 0) {
      let data0 = data.body;
      const _errs2 = errors;
      let valid1 = false;
      const _errs3 = errors;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.first_name === void 0) {
          const err1 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/anyOf/0/allOf/0/required',
            keyword: 'required',
            params: { missingProperty: 'first_name' },
            message: "must have required property 'first_name'",
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data0.last_name === void 0) {
          const err2 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/anyOf/0/allOf/0/required',
            keyword: 'required',
            params: { missingProperty: 'last_name' },
            message: "must have required property 'last_name'",
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0.first_name !== void 0) {
          let data1 = data0.first_name;
          if (typeof data1 === 'string') {
            if (func12(data1) < 1) {
              const err3 = {
                instancePath: instancePath + '/body/first_name',
                schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/first_name/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = {
              instancePath: instancePath + '/body/first_name',
              schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/first_name/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data0.last_name !== void 0) {
          let data2 = data0.last_name;
          if (typeof data2 === 'string') {
            if (func12(data2) < 1) {
              const err5 = {
                instancePath: instancePath + '/body/last_name',
                schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/last_name/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = {
              instancePath: instancePath + '/body/last_name',
              schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/last_name/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data0.email !== void 0) {
          let data3 = data0.email;
          if (typeof data3 === 'string') {
            if (!formats02.test(data3)) {
              const err7 = {
                instancePath: instancePath + '/body/email',
                schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/email/format',
                keyword: 'format',
                params: { format: 'email' },
                message: 'must match format "email"',
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = {
              instancePath: instancePath + '/body/email',
              schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/email/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data0.phone_number !== void 0) {
          if (typeof data0.phone_number !== 'string') {
            const err9 = {
              instancePath: instancePath + '/body/phone_number',
              schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/phone_number/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data0.external_id !== void 0) {
          if (typeof data0.external_id !== 'string') {
            const err10 = {
              instancePath: instancePath + '/body/external_id',
              schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/external_id/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data0.flow_id !== void 0) {
          if (typeof data0.flow_id !== 'string') {
            const err11 = {
              instancePath: instancePath + '/body/flow_id',
              schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/flow_id/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data0.flow_items !== void 0) {
          let data7 = data0.flow_items;
          if (Array.isArray(data7)) {
            const len0 = data7.length;
            for (let i0 = 0; i0 < len0; i0++) {
              if (typeof data7[i0] !== 'string') {
                const err12 = {
                  instancePath: instancePath + '/body/flow_items/' + i0,
                  schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/flow_items/items/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
          } else {
            const err13 = {
              instancePath: instancePath + '/body/flow_items',
              schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/flow_items/type',
              keyword: 'type',
              params: { type: 'array' },
              message: 'must be array',
            };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data0.dds_config !== void 0) {
          let data9 = data0.dds_config;
          if (data9 && typeof data9 == 'object' && !Array.isArray(data9)) {
          } else {
            const err14 = {
              instancePath: instancePath + '/body/dds_config',
              schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/dds_config/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
            };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data0.full_name !== void 0) {
          if (typeof data0.full_name !== 'string') {
            const err15 = {
              instancePath: instancePath + '/body/full_name',
              schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/full_name/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data0.override_invite_template !== void 0) {
          let data11 = data0.override_invite_template;
          if (data11 && typeof data11 == 'object' && !Array.isArray(data11)) {
            if (data11.brand !== void 0) {
              let data12 = data11.brand;
              if (data12 && typeof data12 == 'object' && !Array.isArray(data12)) {
                if (data12.color !== void 0) {
                  if (typeof data12.color !== 'string') {
                    const err16 = {
                      instancePath: instancePath + '/body/override_invite_template/brand/color',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/brand/properties/color/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err16];
                    } else {
                      vErrors.push(err16);
                    }
                    errors++;
                  }
                }
                if (data12.logo !== void 0) {
                  if (typeof data12.logo !== 'string') {
                    const err17 = {
                      instancePath: instancePath + '/body/override_invite_template/brand/logo',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/brand/properties/logo/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err17];
                    } else {
                      vErrors.push(err17);
                    }
                    errors++;
                  }
                }
              } else {
                const err18 = {
                  instancePath: instancePath + '/body/override_invite_template/brand',
                  schemaPath:
                    '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/brand/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
            if (data11.email !== void 0) {
              let data15 = data11.email;
              if (data15 && typeof data15 == 'object' && !Array.isArray(data15)) {
                if (data15.reply_to !== void 0) {
                  let data16 = data15.reply_to;
                  if (Array.isArray(data16)) {
                    const len1 = data16.length;
                    for (let i1 = 0; i1 < len1; i1++) {
                      if (typeof data16[i1] !== 'string') {
                        const err19 = {
                          instancePath: instancePath + '/body/override_invite_template/email/reply_to/' + i1,
                          schemaPath:
                            '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/reply_to/items/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                        };
                        if (vErrors === null) {
                          vErrors = [err19];
                        } else {
                          vErrors.push(err19);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err20 = {
                      instancePath: instancePath + '/body/override_invite_template/email/reply_to',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/reply_to/type',
                      keyword: 'type',
                      params: { type: 'array' },
                      message: 'must be array',
                    };
                    if (vErrors === null) {
                      vErrors = [err20];
                    } else {
                      vErrors.push(err20);
                    }
                    errors++;
                  }
                }
                if (data15.subject !== void 0) {
                  if (typeof data15.subject !== 'string') {
                    const err21 = {
                      instancePath: instancePath + '/body/override_invite_template/email/subject',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/subject/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err21];
                    } else {
                      vErrors.push(err21);
                    }
                    errors++;
                  }
                }
                if (data15.sender !== void 0) {
                  if (typeof data15.sender !== 'string') {
                    const err22 = {
                      instancePath: instancePath + '/body/override_invite_template/email/sender',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/sender/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err22];
                    } else {
                      vErrors.push(err22);
                    }
                    errors++;
                  }
                }
                if (data15.header !== void 0) {
                  if (typeof data15.header !== 'string') {
                    const err23 = {
                      instancePath: instancePath + '/body/override_invite_template/email/header',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/header/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err23];
                    } else {
                      vErrors.push(err23);
                    }
                    errors++;
                  }
                }
                if (data15.subheader !== void 0) {
                  if (typeof data15.subheader !== 'string') {
                    const err24 = {
                      instancePath: instancePath + '/body/override_invite_template/email/subheader',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/subheader/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err24];
                    } else {
                      vErrors.push(err24);
                    }
                    errors++;
                  }
                }
                if (data15.body_text_icon_1 !== void 0) {
                  if (typeof data15.body_text_icon_1 !== 'string') {
                    const err25 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_icon_1',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/body_text_icon_1/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err25];
                    } else {
                      vErrors.push(err25);
                    }
                    errors++;
                  }
                }
                if (data15.body_text_header_1 !== void 0) {
                  if (typeof data15.body_text_header_1 !== 'string') {
                    const err26 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_header_1',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/body_text_header_1/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err26];
                    } else {
                      vErrors.push(err26);
                    }
                    errors++;
                  }
                }
                if (data15.body_text_subheader_1 !== void 0) {
                  if (typeof data15.body_text_subheader_1 !== 'string') {
                    const err27 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_subheader_1',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/body_text_subheader_1/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err27];
                    } else {
                      vErrors.push(err27);
                    }
                    errors++;
                  }
                }
                if (data15.body_text_icon_2 !== void 0) {
                  if (typeof data15.body_text_icon_2 !== 'string') {
                    const err28 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_icon_2',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/body_text_icon_2/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err28];
                    } else {
                      vErrors.push(err28);
                    }
                    errors++;
                  }
                }
                if (data15.body_text_header_2 !== void 0) {
                  if (typeof data15.body_text_header_2 !== 'string') {
                    const err29 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_header_2',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/body_text_header_2/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err29];
                    } else {
                      vErrors.push(err29);
                    }
                    errors++;
                  }
                }
                if (data15.body_text_subheader_2 !== void 0) {
                  if (typeof data15.body_text_subheader_2 !== 'string') {
                    const err30 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_subheader_2',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/body_text_subheader_2/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err30];
                    } else {
                      vErrors.push(err30);
                    }
                    errors++;
                  }
                }
                if (data15.body_text_icon_3 !== void 0) {
                  if (typeof data15.body_text_icon_3 !== 'string') {
                    const err31 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_icon_3',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/body_text_icon_3/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err31];
                    } else {
                      vErrors.push(err31);
                    }
                    errors++;
                  }
                }
                if (data15.body_text_header_3 !== void 0) {
                  if (typeof data15.body_text_header_3 !== 'string') {
                    const err32 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_header_3',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/body_text_header_3/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err32];
                    } else {
                      vErrors.push(err32);
                    }
                    errors++;
                  }
                }
                if (data15.body_text_subheader_3 !== void 0) {
                  if (typeof data15.body_text_subheader_3 !== 'string') {
                    const err33 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_subheader_3',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/properties/body_text_subheader_3/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err33];
                    } else {
                      vErrors.push(err33);
                    }
                    errors++;
                  }
                }
              } else {
                const err34 = {
                  instancePath: instancePath + '/body/override_invite_template/email',
                  schemaPath:
                    '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/email/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
            }
            if (data11.sms_text !== void 0) {
              if (typeof data11.sms_text !== 'string') {
                const err35 = {
                  instancePath: instancePath + '/body/override_invite_template/sms_text',
                  schemaPath:
                    '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/sms_text/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
            }
            if (data11.landing_page !== void 0) {
              let data32 = data11.landing_page;
              if (data32 && typeof data32 == 'object' && !Array.isArray(data32)) {
                if (data32.header !== void 0) {
                  if (typeof data32.header !== 'string') {
                    const err36 = {
                      instancePath: instancePath + '/body/override_invite_template/landing_page/header',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/landing_page/properties/header/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err36];
                    } else {
                      vErrors.push(err36);
                    }
                    errors++;
                  }
                }
                if (data32.subheader !== void 0) {
                  if (typeof data32.subheader !== 'string') {
                    const err37 = {
                      instancePath: instancePath + '/body/override_invite_template/landing_page/subheader',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/landing_page/properties/subheader/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err37];
                    } else {
                      vErrors.push(err37);
                    }
                    errors++;
                  }
                }
                if (data32.step_1 !== void 0) {
                  if (typeof data32.step_1 !== 'string') {
                    const err38 = {
                      instancePath: instancePath + '/body/override_invite_template/landing_page/step_1',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/landing_page/properties/step_1/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err38];
                    } else {
                      vErrors.push(err38);
                    }
                    errors++;
                  }
                }
                if (data32.step_2 !== void 0) {
                  if (typeof data32.step_2 !== 'string') {
                    const err39 = {
                      instancePath: instancePath + '/body/override_invite_template/landing_page/step_2',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/landing_page/properties/step_2/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err39];
                    } else {
                      vErrors.push(err39);
                    }
                    errors++;
                  }
                }
                if (data32.step_3 !== void 0) {
                  if (typeof data32.step_3 !== 'string') {
                    const err40 = {
                      instancePath: instancePath + '/body/override_invite_template/landing_page/step_3',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/landing_page/properties/step_3/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err40];
                    } else {
                      vErrors.push(err40);
                    }
                    errors++;
                  }
                }
              } else {
                const err41 = {
                  instancePath: instancePath + '/body/override_invite_template/landing_page',
                  schemaPath:
                    '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/landing_page/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
            if (data11.flow_id !== void 0) {
              if (typeof data11.flow_id !== 'string') {
                const err42 = {
                  instancePath: instancePath + '/body/override_invite_template/flow_id',
                  schemaPath:
                    '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/flow_id/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
            }
            if (data11.success_page !== void 0) {
              let data39 = data11.success_page;
              if (data39 && typeof data39 == 'object' && !Array.isArray(data39)) {
                if (data39.header !== void 0) {
                  if (typeof data39.header !== 'string') {
                    const err43 = {
                      instancePath: instancePath + '/body/override_invite_template/success_page/header',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/success_page/properties/header/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err43];
                    } else {
                      vErrors.push(err43);
                    }
                    errors++;
                  }
                }
                if (data39.subheader !== void 0) {
                  if (typeof data39.subheader !== 'string') {
                    const err44 = {
                      instancePath: instancePath + '/body/override_invite_template/success_page/subheader',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/success_page/properties/subheader/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err44];
                    } else {
                      vErrors.push(err44);
                    }
                    errors++;
                  }
                }
                if (data39.button_text !== void 0) {
                  if (typeof data39.button_text !== 'string') {
                    const err45 = {
                      instancePath: instancePath + '/body/override_invite_template/success_page/button_text',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/success_page/properties/button_text/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err45];
                    } else {
                      vErrors.push(err45);
                    }
                    errors++;
                  }
                }
                if (data39.button_url !== void 0) {
                  if (typeof data39.button_url !== 'string') {
                    const err46 = {
                      instancePath: instancePath + '/body/override_invite_template/success_page/button_url',
                      schemaPath:
                        '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/success_page/properties/button_url/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err46];
                    } else {
                      vErrors.push(err46);
                    }
                    errors++;
                  }
                }
              } else {
                const err47 = {
                  instancePath: instancePath + '/body/override_invite_template/success_page',
                  schemaPath:
                    '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/properties/success_page/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
          } else {
            const err48 = {
              instancePath: instancePath + '/body/override_invite_template',
              schemaPath: '#/properties/body/anyOf/0/allOf/0/properties/override_invite_template/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
            };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
      } else {
        const err49 = {
          instancePath: instancePath + '/body',
          schemaPath: '#/properties/body/anyOf/0/allOf/0/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.email === void 0) {
          const err50 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/anyOf/0/required',
            keyword: 'required',
            params: { missingProperty: 'email' },
            message: "must have required property 'email'",
          };
          if (vErrors === null) {
            vErrors = [err50];
          } else {
            vErrors.push(err50);
          }
          errors++;
        }
      }
      var _valid0 = _errs3 === errors;
      valid1 = valid1 || _valid0;
      if (_valid0) {
        var props0 = {};
        props0.first_name = true;
        props0.last_name = true;
        props0.email = true;
        props0.phone_number = true;
        props0.external_id = true;
        props0.flow_id = true;
        props0.flow_items = true;
        props0.dds_config = true;
        props0.full_name = true;
        props0.override_invite_template = true;
      }
      const _errs93 = errors;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.first_name === void 0) {
          const err51 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/anyOf/1/allOf/0/required',
            keyword: 'required',
            params: { missingProperty: 'first_name' },
            message: "must have required property 'first_name'",
          };
          if (vErrors === null) {
            vErrors = [err51];
          } else {
            vErrors.push(err51);
          }
          errors++;
        }
        if (data0.last_name === void 0) {
          const err52 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/anyOf/1/allOf/0/required',
            keyword: 'required',
            params: { missingProperty: 'last_name' },
            message: "must have required property 'last_name'",
          };
          if (vErrors === null) {
            vErrors = [err52];
          } else {
            vErrors.push(err52);
          }
          errors++;
        }
        if (data0.first_name !== void 0) {
          let data44 = data0.first_name;
          if (typeof data44 === 'string') {
            if (func12(data44) < 1) {
              const err53 = {
                instancePath: instancePath + '/body/first_name',
                schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/first_name/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
          } else {
            const err54 = {
              instancePath: instancePath + '/body/first_name',
              schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/first_name/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
        }
        if (data0.last_name !== void 0) {
          let data45 = data0.last_name;
          if (typeof data45 === 'string') {
            if (func12(data45) < 1) {
              const err55 = {
                instancePath: instancePath + '/body/last_name',
                schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/last_name/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
          } else {
            const err56 = {
              instancePath: instancePath + '/body/last_name',
              schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/last_name/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors++;
          }
        }
        if (data0.email !== void 0) {
          let data46 = data0.email;
          if (typeof data46 === 'string') {
            if (!formats02.test(data46)) {
              const err57 = {
                instancePath: instancePath + '/body/email',
                schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/email/format',
                keyword: 'format',
                params: { format: 'email' },
                message: 'must match format "email"',
              };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
          } else {
            const err58 = {
              instancePath: instancePath + '/body/email',
              schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/email/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
        }
        if (data0.phone_number !== void 0) {
          if (typeof data0.phone_number !== 'string') {
            const err59 = {
              instancePath: instancePath + '/body/phone_number',
              schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/phone_number/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err59];
            } else {
              vErrors.push(err59);
            }
            errors++;
          }
        }
        if (data0.external_id !== void 0) {
          if (typeof data0.external_id !== 'string') {
            const err60 = {
              instancePath: instancePath + '/body/external_id',
              schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/external_id/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
        }
        if (data0.flow_id !== void 0) {
          if (typeof data0.flow_id !== 'string') {
            const err61 = {
              instancePath: instancePath + '/body/flow_id',
              schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/flow_id/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
        if (data0.flow_items !== void 0) {
          let data50 = data0.flow_items;
          if (Array.isArray(data50)) {
            const len2 = data50.length;
            for (let i2 = 0; i2 < len2; i2++) {
              if (typeof data50[i2] !== 'string') {
                const err62 = {
                  instancePath: instancePath + '/body/flow_items/' + i2,
                  schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/flow_items/items/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err62];
                } else {
                  vErrors.push(err62);
                }
                errors++;
              }
            }
          } else {
            const err63 = {
              instancePath: instancePath + '/body/flow_items',
              schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/flow_items/type',
              keyword: 'type',
              params: { type: 'array' },
              message: 'must be array',
            };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
        if (data0.dds_config !== void 0) {
          let data52 = data0.dds_config;
          if (data52 && typeof data52 == 'object' && !Array.isArray(data52)) {
          } else {
            const err64 = {
              instancePath: instancePath + '/body/dds_config',
              schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/dds_config/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
            };
            if (vErrors === null) {
              vErrors = [err64];
            } else {
              vErrors.push(err64);
            }
            errors++;
          }
        }
        if (data0.full_name !== void 0) {
          if (typeof data0.full_name !== 'string') {
            const err65 = {
              instancePath: instancePath + '/body/full_name',
              schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/full_name/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err65];
            } else {
              vErrors.push(err65);
            }
            errors++;
          }
        }
        if (data0.override_invite_template !== void 0) {
          let data54 = data0.override_invite_template;
          if (data54 && typeof data54 == 'object' && !Array.isArray(data54)) {
            if (data54.brand !== void 0) {
              let data55 = data54.brand;
              if (data55 && typeof data55 == 'object' && !Array.isArray(data55)) {
                if (data55.color !== void 0) {
                  if (typeof data55.color !== 'string') {
                    const err66 = {
                      instancePath: instancePath + '/body/override_invite_template/brand/color',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/brand/properties/color/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err66];
                    } else {
                      vErrors.push(err66);
                    }
                    errors++;
                  }
                }
                if (data55.logo !== void 0) {
                  if (typeof data55.logo !== 'string') {
                    const err67 = {
                      instancePath: instancePath + '/body/override_invite_template/brand/logo',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/brand/properties/logo/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err67];
                    } else {
                      vErrors.push(err67);
                    }
                    errors++;
                  }
                }
              } else {
                const err68 = {
                  instancePath: instancePath + '/body/override_invite_template/brand',
                  schemaPath:
                    '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/brand/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                };
                if (vErrors === null) {
                  vErrors = [err68];
                } else {
                  vErrors.push(err68);
                }
                errors++;
              }
            }
            if (data54.email !== void 0) {
              let data58 = data54.email;
              if (data58 && typeof data58 == 'object' && !Array.isArray(data58)) {
                if (data58.reply_to !== void 0) {
                  let data59 = data58.reply_to;
                  if (Array.isArray(data59)) {
                    const len3 = data59.length;
                    for (let i3 = 0; i3 < len3; i3++) {
                      if (typeof data59[i3] !== 'string') {
                        const err69 = {
                          instancePath: instancePath + '/body/override_invite_template/email/reply_to/' + i3,
                          schemaPath:
                            '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/reply_to/items/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                        };
                        if (vErrors === null) {
                          vErrors = [err69];
                        } else {
                          vErrors.push(err69);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err70 = {
                      instancePath: instancePath + '/body/override_invite_template/email/reply_to',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/reply_to/type',
                      keyword: 'type',
                      params: { type: 'array' },
                      message: 'must be array',
                    };
                    if (vErrors === null) {
                      vErrors = [err70];
                    } else {
                      vErrors.push(err70);
                    }
                    errors++;
                  }
                }
                if (data58.subject !== void 0) {
                  if (typeof data58.subject !== 'string') {
                    const err71 = {
                      instancePath: instancePath + '/body/override_invite_template/email/subject',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/subject/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err71];
                    } else {
                      vErrors.push(err71);
                    }
                    errors++;
                  }
                }
                if (data58.sender !== void 0) {
                  if (typeof data58.sender !== 'string') {
                    const err72 = {
                      instancePath: instancePath + '/body/override_invite_template/email/sender',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/sender/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err72];
                    } else {
                      vErrors.push(err72);
                    }
                    errors++;
                  }
                }
                if (data58.header !== void 0) {
                  if (typeof data58.header !== 'string') {
                    const err73 = {
                      instancePath: instancePath + '/body/override_invite_template/email/header',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/header/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err73];
                    } else {
                      vErrors.push(err73);
                    }
                    errors++;
                  }
                }
                if (data58.subheader !== void 0) {
                  if (typeof data58.subheader !== 'string') {
                    const err74 = {
                      instancePath: instancePath + '/body/override_invite_template/email/subheader',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/subheader/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err74];
                    } else {
                      vErrors.push(err74);
                    }
                    errors++;
                  }
                }
                if (data58.body_text_icon_1 !== void 0) {
                  if (typeof data58.body_text_icon_1 !== 'string') {
                    const err75 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_icon_1',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/body_text_icon_1/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err75];
                    } else {
                      vErrors.push(err75);
                    }
                    errors++;
                  }
                }
                if (data58.body_text_header_1 !== void 0) {
                  if (typeof data58.body_text_header_1 !== 'string') {
                    const err76 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_header_1',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/body_text_header_1/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err76];
                    } else {
                      vErrors.push(err76);
                    }
                    errors++;
                  }
                }
                if (data58.body_text_subheader_1 !== void 0) {
                  if (typeof data58.body_text_subheader_1 !== 'string') {
                    const err77 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_subheader_1',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/body_text_subheader_1/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err77];
                    } else {
                      vErrors.push(err77);
                    }
                    errors++;
                  }
                }
                if (data58.body_text_icon_2 !== void 0) {
                  if (typeof data58.body_text_icon_2 !== 'string') {
                    const err78 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_icon_2',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/body_text_icon_2/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err78];
                    } else {
                      vErrors.push(err78);
                    }
                    errors++;
                  }
                }
                if (data58.body_text_header_2 !== void 0) {
                  if (typeof data58.body_text_header_2 !== 'string') {
                    const err79 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_header_2',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/body_text_header_2/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err79];
                    } else {
                      vErrors.push(err79);
                    }
                    errors++;
                  }
                }
                if (data58.body_text_subheader_2 !== void 0) {
                  if (typeof data58.body_text_subheader_2 !== 'string') {
                    const err80 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_subheader_2',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/body_text_subheader_2/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err80];
                    } else {
                      vErrors.push(err80);
                    }
                    errors++;
                  }
                }
                if (data58.body_text_icon_3 !== void 0) {
                  if (typeof data58.body_text_icon_3 !== 'string') {
                    const err81 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_icon_3',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/body_text_icon_3/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err81];
                    } else {
                      vErrors.push(err81);
                    }
                    errors++;
                  }
                }
                if (data58.body_text_header_3 !== void 0) {
                  if (typeof data58.body_text_header_3 !== 'string') {
                    const err82 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_header_3',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/body_text_header_3/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err82];
                    } else {
                      vErrors.push(err82);
                    }
                    errors++;
                  }
                }
                if (data58.body_text_subheader_3 !== void 0) {
                  if (typeof data58.body_text_subheader_3 !== 'string') {
                    const err83 = {
                      instancePath: instancePath + '/body/override_invite_template/email/body_text_subheader_3',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/properties/body_text_subheader_3/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err83];
                    } else {
                      vErrors.push(err83);
                    }
                    errors++;
                  }
                }
              } else {
                const err84 = {
                  instancePath: instancePath + '/body/override_invite_template/email',
                  schemaPath:
                    '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/email/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                };
                if (vErrors === null) {
                  vErrors = [err84];
                } else {
                  vErrors.push(err84);
                }
                errors++;
              }
            }
            if (data54.sms_text !== void 0) {
              if (typeof data54.sms_text !== 'string') {
                const err85 = {
                  instancePath: instancePath + '/body/override_invite_template/sms_text',
                  schemaPath:
                    '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/sms_text/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err85];
                } else {
                  vErrors.push(err85);
                }
                errors++;
              }
            }
            if (data54.landing_page !== void 0) {
              let data75 = data54.landing_page;
              if (data75 && typeof data75 == 'object' && !Array.isArray(data75)) {
                if (data75.header !== void 0) {
                  if (typeof data75.header !== 'string') {
                    const err86 = {
                      instancePath: instancePath + '/body/override_invite_template/landing_page/header',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/landing_page/properties/header/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err86];
                    } else {
                      vErrors.push(err86);
                    }
                    errors++;
                  }
                }
                if (data75.subheader !== void 0) {
                  if (typeof data75.subheader !== 'string') {
                    const err87 = {
                      instancePath: instancePath + '/body/override_invite_template/landing_page/subheader',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/landing_page/properties/subheader/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err87];
                    } else {
                      vErrors.push(err87);
                    }
                    errors++;
                  }
                }
                if (data75.step_1 !== void 0) {
                  if (typeof data75.step_1 !== 'string') {
                    const err88 = {
                      instancePath: instancePath + '/body/override_invite_template/landing_page/step_1',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/landing_page/properties/step_1/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err88];
                    } else {
                      vErrors.push(err88);
                    }
                    errors++;
                  }
                }
                if (data75.step_2 !== void 0) {
                  if (typeof data75.step_2 !== 'string') {
                    const err89 = {
                      instancePath: instancePath + '/body/override_invite_template/landing_page/step_2',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/landing_page/properties/step_2/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err89];
                    } else {
                      vErrors.push(err89);
                    }
                    errors++;
                  }
                }
                if (data75.step_3 !== void 0) {
                  if (typeof data75.step_3 !== 'string') {
                    const err90 = {
                      instancePath: instancePath + '/body/override_invite_template/landing_page/step_3',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/landing_page/properties/step_3/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err90];
                    } else {
                      vErrors.push(err90);
                    }
                    errors++;
                  }
                }
              } else {
                const err91 = {
                  instancePath: instancePath + '/body/override_invite_template/landing_page',
                  schemaPath:
                    '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/landing_page/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                };
                if (vErrors === null) {
                  vErrors = [err91];
                } else {
                  vErrors.push(err91);
                }
                errors++;
              }
            }
            if (data54.flow_id !== void 0) {
              if (typeof data54.flow_id !== 'string') {
                const err92 = {
                  instancePath: instancePath + '/body/override_invite_template/flow_id',
                  schemaPath:
                    '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/flow_id/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err92];
                } else {
                  vErrors.push(err92);
                }
                errors++;
              }
            }
            if (data54.success_page !== void 0) {
              let data82 = data54.success_page;
              if (data82 && typeof data82 == 'object' && !Array.isArray(data82)) {
                if (data82.header !== void 0) {
                  if (typeof data82.header !== 'string') {
                    const err93 = {
                      instancePath: instancePath + '/body/override_invite_template/success_page/header',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/success_page/properties/header/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err93];
                    } else {
                      vErrors.push(err93);
                    }
                    errors++;
                  }
                }
                if (data82.subheader !== void 0) {
                  if (typeof data82.subheader !== 'string') {
                    const err94 = {
                      instancePath: instancePath + '/body/override_invite_template/success_page/subheader',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/success_page/properties/subheader/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err94];
                    } else {
                      vErrors.push(err94);
                    }
                    errors++;
                  }
                }
                if (data82.button_text !== void 0) {
                  if (typeof data82.button_text !== 'string') {
                    const err95 = {
                      instancePath: instancePath + '/body/override_invite_template/success_page/button_text',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/success_page/properties/button_text/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err95];
                    } else {
                      vErrors.push(err95);
                    }
                    errors++;
                  }
                }
                if (data82.button_url !== void 0) {
                  if (typeof data82.button_url !== 'string') {
                    const err96 = {
                      instancePath: instancePath + '/body/override_invite_template/success_page/button_url',
                      schemaPath:
                        '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/success_page/properties/button_url/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err96];
                    } else {
                      vErrors.push(err96);
                    }
                    errors++;
                  }
                }
              } else {
                const err97 = {
                  instancePath: instancePath + '/body/override_invite_template/success_page',
                  schemaPath:
                    '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/properties/success_page/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                };
                if (vErrors === null) {
                  vErrors = [err97];
                } else {
                  vErrors.push(err97);
                }
                errors++;
              }
            }
          } else {
            const err98 = {
              instancePath: instancePath + '/body/override_invite_template',
              schemaPath: '#/properties/body/anyOf/1/allOf/0/properties/override_invite_template/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
            };
            if (vErrors === null) {
              vErrors = [err98];
            } else {
              vErrors.push(err98);
            }
            errors++;
          }
        }
      } else {
        const err99 = {
          instancePath: instancePath + '/body',
          schemaPath: '#/properties/body/anyOf/1/allOf/0/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err99];
        } else {
          vErrors.push(err99);
        }
        errors++;
      }
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.phone_number === void 0) {
          const err100 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/anyOf/1/required',
            keyword: 'required',
            params: { missingProperty: 'phone_number' },
            message: "must have required property 'phone_number'",
          };
          if (vErrors === null) {
            vErrors = [err100];
          } else {
            vErrors.push(err100);
          }
          errors++;
        }
      }
      var _valid0 = _errs93 === errors;
      valid1 = valid1 || _valid0;
      if (_valid0) {
        if (props0 !== true) {
          props0 = props0 || {};
          props0.first_name = true;
          props0.last_name = true;
          props0.email = true;
          props0.phone_number = true;
          props0.external_id = true;
          props0.flow_id = true;
          props0.flow_items = true;
          props0.dds_config = true;
          props0.full_name = true;
          props0.override_invite_template = true;
        }
      }
      if (!valid1) {
        const err101 = {
          instancePath: instancePath + '/body',
          schemaPath: '#/properties/body/anyOf',
          keyword: 'anyOf',
          params: {},
          message: 'must match a schema in anyOf',
        };
        if (vErrors === null) {
          vErrors = [err101];
        } else {
          vErrors.push(err101);
        }
        errors++;
      } else {
        errors = _errs2;
        if (vErrors !== null) {
          if (_errs2) {
            vErrors.length = _errs2;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err102 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err102];
    } else {
      vErrors.push(err102);
    }
    errors++;
  }
  validate214.errors = vErrors;
  return errors === 0;
}
validate214.evaluated = { props: { body: true }, dynamicProps: false, dynamicItems: false };
var getInvite2 = validate224;
function validate224(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate224.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!(data && typeof data == 'object' && !Array.isArray(data))) {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate224.errors = vErrors;
  return errors === 0;
}
validate224.evaluated = { dynamicProps: false, dynamicItems: false };
var resendInvite2 = validate234;
function validate234(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate234.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!(data && typeof data == 'object' && !Array.isArray(data))) {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate234.errors = vErrors;
  return errors === 0;
}
validate234.evaluated = { dynamicProps: false, dynamicItems: false };
var revokeInvite2 = validate244;
function validate244(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate244.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!(data && typeof data == 'object' && !Array.isArray(data))) {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate244.errors = vErrors;
  return errors === 0;
}
validate244.evaluated = { dynamicProps: false, dynamicItems: false };

// node_modules/.cache/mock-validators/entry.mjs
var partoo = {
  routes: [
    {
      operationId: 'getReviewBoosterExpeditorName',
      method: 'GET',
      path: '/review_booster/expeditor/{business_id}',
      csv: [],
    },
    {
      operationId: 'setReviewBoosterExpeditorName',
      method: 'POST',
      path: '/review_booster/expeditor/{business_id}',
      csv: [],
    },
    { operationId: 'getReviewInvitationStatus', method: 'GET', path: '/review_booster/invitation_status', csv: [] },
    {
      operationId: 'checkDuplicatedReviewInvitation',
      method: 'GET',
      path: '/review_booster/search-invitation',
      csv: [],
    },
    { operationId: 'sendReviewInvitation', method: 'POST', path: '/review_booster/send_invitation', csv: [] },
    { operationId: 'getReviewBoosterTemplate', method: 'GET', path: '/review_booster/template', csv: [] },
    { operationId: 'updateReviewBoosterTemplate', method: 'POST', path: '/review_booster/template', csv: [] },
  ],
  params: partoo_params_exports,
  bodies: partoo_bodies_exports,
};
var argyle = {
  routes: [
    { operationId: 'listInvites', method: 'GET', path: '/v2/invites', csv: ['status'] },
    { operationId: 'sendInvite', method: 'POST', path: '/v2/invites', csv: [] },
    { operationId: 'getInvite', method: 'GET', path: '/v2/invites/{id}', csv: [] },
    { operationId: 'resendInvite', method: 'POST', path: '/v2/invites/{id}', csv: [] },
    { operationId: 'revokeInvite', method: 'POST', path: '/v2/invites/{id}/revoke', csv: [] },
  ],
  params: argyle_params_exports,
  bodies: argyle_bodies_exports,
};
export { argyle, partoo };
