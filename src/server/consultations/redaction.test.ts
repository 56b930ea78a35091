import { describe, expect, it } from 'vitest';
import { forbiddenData, redactText } from './redaction.js';

const nothingKnown = { reporterName: null, trackingCode: null, places: [] };

describe('the pre-filled draft of a consultation', () => {
  it('takes out phones, ID numbers, e-mails, house numbers and car plates', () => {
    const { text, removed } = redactText(
      '我住12号302室，电话138 0013 8000，座机021-65123456，身份证310110199001011234，' +
        '邮箱zhang.san@example.com，车牌沪A12345停在楼下。',
      nothingKnown,
    );
    expect(text).toBe(
      '我住[门牌已隐去]，电话[电话已隐去]，座机[电话已隐去]，身份证[证件号已隐去]，' +
        '邮箱[邮箱已隐去]，车牌[车牌已隐去]停在楼下。',
    );
    expect(removed.sort()).toEqual(['car_plate', 'email', 'house_number', 'id_number', 'phone']);
  });

  it('takes out the reporter name, the tracking code and the building when they are known', () => {
    const { text, removed } = redactText(
      '王小明反映：殷行一村1号楼道堆物（LL-ABCDE-FGHJK），李阿姨也说过',
      {
        reporterName: '王小明',
        trackingCode: 'LL-ABCDE-FGHJK',
        places: ['殷行一村1号'],
      },
    );
    expect(text).toBe('[姓名已隐去]反映：[楼栋已隐去]楼道堆物（[编号已隐去]），[姓名已隐去]也说过');
    expect(removed).toEqual(['tracking_code', 'building', 'name']);
  });

  it('leaves the 12345 hotline, dates and amounts alone', () => {
    const plain = '可拨打12345，2025年10月1日起处50元以上200元以下罚款。';
    expect(redactText(plain, nothingKnown)).toEqual({ text: plain, removed: [] });
  });
});

describe('the publication check', () => {
  it('finds each kind it refuses and nothing in clean text', () => {
    expect(forbiddenData('请拨13800138000')).toEqual(['phone']);
    expect(forbiddenData('证件 31011019900101123X')).toEqual(['id_number']);
    expect(forbiddenData('a@b.cn')).toEqual(['email']);
    expect(forbiddenData('全角１３８００１３８０００')).toEqual(['phone']);
    expect(forbiddenData('[电话已隐去]，请拨打12345')).toEqual([]);
  });

  it('refuses room and lane numbers and car plates, but not the number of a legal document', () => {
    expect(forbiddenData('我住殷行一村12号402室')).toEqual(['house_number']);
    expect(forbiddenData('在3弄门口')).toEqual(['house_number']);
    expect(forbiddenData('５幢２单元')).toEqual(['house_number']);
    expect(forbiddenData('车牌沪A12345停在楼下')).toEqual(['car_plate']);
    expect(forbiddenData('依据国办发〔2025〕22号和令第36号，楼道不得堆物')).toEqual([]);
  });
});
